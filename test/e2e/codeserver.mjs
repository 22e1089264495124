// Starts code-server (a real VS Code 1.100 build served to a browser) with a fresh user-data dir,
// installs envls.vsix into it, and drives it with playwright-core + Debian's /usr/bin/chromium.
// Facts behind each setting: /work/shared/notes/real-editors.md (see docs/editors.md).
import { mkdirSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { TOOLS, freePort, requireFile, run, tempDir, waitFor } from './lib.mjs';

const CODE_SERVER = join(TOOLS, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.ENVLS_E2E_CHROMIUM ?? '/usr/bin/chromium';

export function loadPlaywright() {
  requireFile(join(TOOLS, 'node_modules', 'playwright-core', 'package.json'), "run 'bash scripts/install-e2e.sh'");
  const require = createRequire(join(TOOLS, 'package.json'));
  return require('playwright-core');
}

export class CodeServer {
  constructor({ workspace, vsix, settings = {} }) {
    requireFile(CODE_SERVER, "run 'bash scripts/install-e2e.sh'");
    requireFile(CHROMIUM, "run 'bash scripts/install-e2e.sh' (apt chromium)");
    this.workspace = workspace;
    this.builtinExtensionsDir = join(TOOLS, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
    this.vsix = vsix;
    this.home = tempDir('code-server');
    this.userData = join(this.home, 'user-data');
    this.extensions = join(this.home, 'extensions');
    this.env = {
      ...process.env,
      HOME: this.home,
      XDG_CONFIG_HOME: join(this.home, 'config'),
      XDG_DATA_HOME: join(this.home, 'data'),
      XDG_CACHE_HOME: join(this.home, 'cache'),
    };
    for (const d of [this.userData, this.extensions, this.env.XDG_CONFIG_HOME, this.env.XDG_DATA_HOME, this.env.XDG_CACHE_HOME]) mkdirSync(d, { recursive: true });
    mkdirSync(join(this.userData, 'User'), { recursive: true });
    writeFileSync(
      join(this.userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'files.autoSave': 'off',
          'security.workspace.trust.enabled': false,
          'workbench.startupEditor': 'none',
          'telemetry.telemetryLevel': 'off',
          'editor.hover.delay': 200,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'chat.commandCenter.enabled': false,
          'update.mode': 'none',
          'editor.minimap.enabled': false,
          ...settings,
        },
        null,
        2,
      ),
    );
    this.output = '';
  }

  async installExtension() {
    const args = ['--user-data-dir', this.userData, '--extensions-dir', this.extensions, '--install-extension', this.vsix];
    const r = await run(CODE_SERVER, args, { env: this.env, timeoutMs: 120_000 });
    if (r.code !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
      throw new Error(`code-server --install-extension failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    }
    return r.stdout.trim();
  }

  async start() {
    this.port = await freePort();
    const args = [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      '--user-data-dir', this.userData, '--extensions-dir', this.extensions,
      this.workspace,
    ];
    this.proc = spawn(CODE_SERVER, args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d) => (this.output += d));
    this.proc.stderr.on('data', (d) => (this.output += d));
    this.exited = new Promise((r) => this.proc.once('exit', r));
    await waitFor('code-server /healthz', async () => {
      if (this.proc.exitCode !== null) throw new Error(`code-server exited: ${this.output}`);
      const res = await fetch(`http://127.0.0.1:${this.port}/healthz`);
      return res.ok;
    }, 60_000, 200);
    this.url = `http://127.0.0.1:${this.port}/`;
    return this.url;
  }

  /** The newest `UD/logs/<ts>/exthost*\/<publisher>.<name>/<channel>.log`, or undefined. */
  extensionLog(extensionId, channel) {
    const logs = join(this.userData, 'logs');
    if (!existsSync(logs)) return undefined;
    const sessions = readdirSync(logs).sort().reverse();
    for (const s of sessions) {
      const sdir = join(logs, s);
      for (const host of readdirSync(sdir).filter((d) => d.startsWith('exthost'))) {
        const file = join(sdir, host, extensionId, `${channel}.log`);
        if (existsSync(file) && statSync(file).isFile()) return file;
      }
    }
    return undefined;
  }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      this.proc.kill('SIGTERM');
      const t = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(t);
    }
  }
}

export async function launchBrowser(playwright) {
  const profile = tempDir('chromium');
  const context = await playwright.chromium.launchPersistentContext(join(profile, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache'), XDG_DATA_HOME: join(profile, 'data') },
    viewport: { width: 1400, height: 900 },
  });
  return context;
}
