/**
 * The popup's first script (issue 16): popup.html runs it as a classic script before its module bundle,
 * so the analysis request leaves while the UI's modules are still fetched and compiled. It leaves the
 * pending request for entrypoints/popup/early.ts (components/popup/early-ask.ts has the hand-over).
 */
import { leaveEarlyAsk, startEarlyAsk } from '@/components/popup/early-ask.ts';
import { browserEarlyAskPorts } from '@/utils/early-ask-ports.ts';

export default defineUnlistedScript(() => {
  leaveEarlyAsk(startEarlyAsk(browserEarlyAskPorts(), 'popup-early.js'));
});
