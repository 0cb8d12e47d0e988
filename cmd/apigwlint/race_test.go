//go:build race

package main

// raceEnabled stretches time limits: the race detector slows code down
// several times.
const raceEnabled = true
