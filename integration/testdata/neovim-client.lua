-- A headless Neovim as a real language-server client: it opens LINT_FILE,
-- starts `apigwlint lsp`, waits for the diagnostics and writes them to
-- OUT_FILE, one per line: 0-based line and column, code, message.
local bin, file, out = os.getenv("APIGWLINT_BIN"), os.getenv("LINT_FILE"), os.getenv("OUT_FILE")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local id = vim.lsp.start_client({ cmd = { bin, "lsp", "--no-config" }, root_dir = vim.fn.fnamemodify(file, ":h") })
vim.lsp.buf_attach_client(0, id)
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%d:%d %s %s", d.lnum, d.col, tostring(d.code), d.message))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.cmd("qa!")
