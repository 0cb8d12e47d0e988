package main

// judgeLikeFound applies --skip-unparsable: named files are judged like files
// found by walking a folder, so one that does not parse and mentions no API
// Gateway marker (a Helm template, say) is skipped instead of being an input
// error. pre-commit names every staged YAML and JSON file, and a hook must
// let those that are not API Gateway content pass. Standard input stays
// explicit: it was given on purpose.
func judgeLikeFound(files []input) {
	for i := range files {
		if !files[i].stdin {
			files[i].explicit = false
		}
	}
}
