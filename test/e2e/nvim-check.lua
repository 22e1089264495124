-- Headless Neovim 0.7 check of the envls language server, driven by test/e2e/neovim.e2e.mjs:
--   nvim --headless --clean -n -u test/e2e/nvim-check.lua
-- Inputs (environment): ENVLS_SERVER (absolute path of dist/server.js), ENVLS_FILE (the .env file),
-- ENVLS_OUT (where to write the JSON report), and optionally ENVLS_HOVER_KEY, ENVLS_COMPLETION_PREFIX,
-- ENVLS_ACTION_KEY + ENVLS_ACTION_TITLE (a Lua pattern: the code action to apply on that key's line),
-- ENVLS_DEFINITION_AT ("line:col", 0-based: vim.lsp.buf.definition() from there) and
-- ENVLS_RENAME_AT + ENVLS_RENAME_TO (vim.lsp.buf.rename from "line:col"), and ENVLS_LANGUAGE_ID (the
-- buffer's filetype and LSP language id, default dotenv: `python` checks a code file).
-- The report says what arrived; the .mjs asserts on it. Uses only 0.7 APIs (vim.lsp.start is 0.8+).

local env = function(name) local v = os.getenv(name); if v == '' then return nil end; return v end
local server, file, out = env('ENVLS_SERVER'), env('ENVLS_FILE'), env('ENVLS_OUT')
local report = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, errors = {} }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd('qall!')
end

local function fail(msg)
  table.insert(report.errors, msg)
  finish()
end

local ok, err = pcall(function()
  vim.cmd('filetype on') -- to report what 0.7 itself detects
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  report.detected_filetype = vim.bo[buf].filetype -- what 0.7 itself thinks (sh for .env)
  local language_id = env('ENVLS_LANGUAGE_ID') or 'dotenv'
  vim.bo[buf].filetype = language_id

  local client_id = vim.lsp.start_client({
    name = 'envls',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    get_language_id = function() return language_id end,
  })
  if not client_id then return fail('start_client returned nil') end
  vim.lsp.buf_attach_client(buf, client_id)
  local t0 = vim.loop.hrtime()
  local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end

  if not vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized
  end, 20) then return fail('server did not initialize within 15 s') end
  local client = vim.lsp.get_client_by_id(client_id)
  report.initialized_ms = ms()

  -- Pushed diagnostics (0.7 supports textDocument/publishDiagnostics only); a code file may have none.
  if language_id == 'dotenv' then vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20) end
  report.diagnostics_ms = ms()
  report.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(report.diagnostics, {
      line = d.lnum, col = d.col, message = d.message, source = d.source or lsp.source,
      code = d.code or lsp.code, severity = d.severity,
    })
  end

  local function line_of(key)
    for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      if l:sub(1, #key + 1) == key .. '=' then return i - 1 end
    end
  end
  local function uri() return vim.uri_from_bufnr(buf) end

  local hover_key = env('ENVLS_HOVER_KEY')
  if hover_key then
    local lnum = line_of(hover_key)
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = uri() }, position = { line = lnum, character = 1 },
    }, 10000)
    local r = res and res[client_id] and res[client_id].result
    local contents = r and r.contents
    if type(contents) == 'table' then contents = contents.value or vim.fn.json_encode(contents) end
    report.hover = contents
  end

  local prefix = env('ENVLS_COMPLETION_PREFIX')
  if prefix then
    local count = vim.api.nvim_buf_line_count(buf)
    vim.api.nvim_buf_set_lines(buf, count, count, false, { prefix }) -- sent to the server as didChange
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
      textDocument = { uri = uri() }, position = { line = count, character = #prefix },
    }, 10000)
    local r = res and res[client_id] and res[client_id].result
    local items = (r and r.items) or r or {}
    report.completion = {}
    for _, item in ipairs(items) do
      local doc = item.documentation
      if doc == nil and client.server_capabilities.completionProvider and client.server_capabilities.completionProvider.resolveProvider then
        local rr = client.request_sync('completionItem/resolve', item, 5000, buf)
        doc = rr and rr.result and rr.result.documentation
      end
      if type(doc) == 'table' then doc = doc.value end
      table.insert(report.completion, { label = item.label, documentation = doc })
      if #report.completion >= 50 then break end
    end
    vim.api.nvim_buf_set_lines(buf, count, count + 1, false, {}) -- undo the typed line
  end

  local action_key, action_title = env('ENVLS_ACTION_KEY'), env('ENVLS_ACTION_TITLE')
  if action_key then
    local lnum = line_of(action_key)
    local line_diags = vim.lsp.diagnostic.get_line_diagnostics(buf, lnum)
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = { uri = uri() },
      range = { start = { line = lnum, character = 0 }, ['end'] = { line = lnum, character = 0 } },
      context = { diagnostics = line_diags },
    }, 10000)
    local actions = (res and res[client_id] and res[client_id].result) or {}
    report.code_actions = {}
    local chosen
    for _, a in ipairs(actions) do
      table.insert(report.code_actions, a.title)
      if not chosen and action_title and a.title:find(action_title) then chosen = a end
    end
    if chosen then
      if not chosen.edit and chosen.data then
        local rr = client.request_sync('codeAction/resolve', chosen, 5000, buf)
        chosen = (rr and rr.result) or chosen
      end
      if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16') end
      if chosen.command then client.request_sync('workspace/executeCommand', chosen.command, 5000, buf) end
      report.applied = chosen.title
      report.text_after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    end
  end

  local function cursor_at(spec)
    local l, c = spec:match('^(%d+):(%d+)$')
    vim.api.nvim_win_set_cursor(0, { tonumber(l) + 1, tonumber(c) })
  end

  local definition_at = env('ENVLS_DEFINITION_AT')
  if definition_at then
    cursor_at(definition_at)
    local before = vim.api.nvim_win_get_cursor(0)
    vim.lsp.buf.definition() -- asynchronous: its handler moves the cursor (into another file, maybe)
    vim.wait(10000, function() return vim.api.nvim_get_current_buf() ~= buf or vim.api.nvim_win_get_cursor(0)[1] ~= before[1] end, 20)
    local after = vim.api.nvim_win_get_cursor(0)
    report.definition = { line = after[1] - 1, character = after[2], text = vim.api.nvim_get_current_line(), file = vim.fn.expand('%:p') }
  end

  local rename_at, rename_to = env('ENVLS_RENAME_AT'), env('ENVLS_RENAME_TO')
  if rename_at and rename_to then
    cursor_at(rename_at)
    local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    vim.lsp.buf.rename(rename_to)
    vim.wait(10000, function() return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') ~= before end, 20)
    report.text_after_rename = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  end

  report.total_ms = ms()
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if not ok then table.insert(report.errors, tostring(err)) end
finish()
