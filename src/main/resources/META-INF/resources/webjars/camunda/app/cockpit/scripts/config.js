// The webapp's settings. The branch webapp-fixes owns this file (branding, locales); the complaint file adds only
// its plugin module here.
export default {
  customScripts: ['scripts/complaint-file/cockpit-plugin.js']
};
