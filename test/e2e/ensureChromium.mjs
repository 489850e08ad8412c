// Before the browser tests: Playwright cannot download browsers on these machines, so the tests
// run Debian's Chromium. When it is missing and we may install packages (root with apt-get), it
// is installed here, as on CI; otherwise one line says what to install, and the tests stop.
import { execSync } from 'node:child_process';

const found = () => {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    return '';
  }
};

const has = (command) => {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

if (!found()) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log("The browser tests need Chromium: installing Debian's chromium package (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq && apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', env, shell: '/bin/sh' });
  }
  if (!found()) {
    console.error('The browser tests need Chromium and none was found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium, then run npm test again.');
    process.exit(1);
  }
}
