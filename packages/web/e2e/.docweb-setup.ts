import type { TestProject } from 'vitest/node';
export default function setup(project: TestProject) {
  project.provide('baseUrl', process.env.DOCWEB_URL ?? null);
  project.provide('chromiumPath', '/usr/bin/chromium');
}
