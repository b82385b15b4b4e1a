import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// `npm run build:test` sets KONTEXT_TEST_BUILD=1. The test build differs from the store build only by
// host access to local test servers, so end-to-end tests can drive a page without the toolbar click
// that grants activeTab. Nothing else may depend on this flag.
const testBuild = process.env.KONTEXT_TEST_BUILD === '1';
const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  manifestVersion: 3,
  outDir: '.output',
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${testBuild ? '-test' : ''}`,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script is injected on demand (activeTab + scripting), so its `matches` must not turn
    // into host permissions: WXT would otherwise add <all_urls>, which a store reviewer rejects.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.host_permissions = testBuild ? [...TEST_HOSTS] : [];
      if (manifest.host_permissions.length === 0) delete manifest.host_permissions;
      if (Array.isArray(manifest.content_scripts) && manifest.content_scripts.length === 0) {
        delete manifest.content_scripts;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
    // Asked for only when the reader switches on Wikipedia summaries in cards, and given back when they
    // switch them off (utils/wikipedia-switch.ts). Keep in step with WIKIPEDIA_ORIGINS (lib/wikipedia/api.ts).
    optional_host_permissions: ['https://de.wikipedia.org/*', 'https://en.wikipedia.org/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpen__',
      },
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kontext@kontext.example',
              // 140 is the first release (and ESR) that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
