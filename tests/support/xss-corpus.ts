/**
 * Hostile article HTML. Every payload, if it ever ran, would set `window.__xss` (or navigate away, or
 * load a stylesheet that does). The sanitiser's unit test and the saved-articles e2e test both use it.
 */
export const XSS_PAYLOADS: Record<string, string> = {
  scriptTag: '<script>window.__xss = "script"</script>',
  scriptSrc: '<script src="data:text/javascript,window.__xss=1"></script>',
  imgOnerror: '<img src="x" onerror="window.__xss = \'onerror\'">',
  bodyOnload: '<body onload="window.__xss = 1"><p>body</p></body>',
  svgOnload: '<svg onload="window.__xss = \'svg\'"><circle r="4"/></svg>',
  svgScript: '<svg><script>window.__xss = "svg-script"</script></svg>',
  svgAnimateHref:
    '<svg><a><animate attributeName="href" values="javascript:window.__xss=1"/><text y="20">click</text></a></svg>',
  svgUse:
    '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=window.__xss=1 /></svg>#x"/></svg>',
  mathml: '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=\'mathml\'">',
  mathmlHref: '<math href="javascript:window.__xss=1"><mi>x</mi></math>',
  javascriptLink: '<a href="javascript:window.__xss=\'link\'">click me</a>',
  javascriptLinkEncoded: '<a href="&#106;avascript:window.__xss=1">encoded</a>',
  javascriptLinkSpaces: '<a href=" jAvAsCrIpT:window.__xss=1">spaces</a>',
  vbscript: '<a href="vbscript:msgbox(1)">vb</a>',
  dataHtmlLink: '<a href="data:text/html,<script>parent.__xss=1</script>">data</a>',
  metaRefresh: '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  metaRefreshAway: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  iframeSrcdoc: '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  iframeJs: '<iframe src="javascript:parent.__xss=1"></iframe>',
  objectData: '<object data="javascript:window.__xss=1"></object>',
  embedSrc: '<embed src="javascript:window.__xss=1">',
  formAction: '<form action="javascript:window.__xss=1"><button>go</button></form>',
  buttonFormaction: '<button formaction="javascript:window.__xss=1">go</button>',
  inputAutofocus: '<input autofocus onfocus="window.__xss=1">',
  detailsToggle: '<details open ontoggle="window.__xss=1"><summary>x</summary></details>',
  styleUrlJs: '<p style="background:url(javascript:window.__xss=1)">css url</p>',
  styleExpression: '<p style="width: expression(window.__xss=1)">css expression</p>',
  styleImport: '<style>@import "javascript:window.__xss=1"; @import url(https://evil.example/x.css);</style>',
  styleTagHide: '<style>body{display:none} *{background:url(https://evil.example/track)}</style>',
  linkStylesheet: '<link rel="stylesheet" href="https://evil.example/evil.css">',
  baseHref: '<base href="javascript:window.__xss=1//">',
  templateScript: '<template><script>window.__xss=1</script></template>',
  noscriptMxss: '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
  nestedComment: '<!--<img src="--><img src=x onerror=window.__xss=1//">',
  domClobber:
    '<form id="document"><img name="cookie"></form><a id="__xss" href="https://x.example">clobber</a>',
  srcsetJs: '<img srcset="javascript:window.__xss=1 1x">',
  videoPoster:
    '<video poster="javascript:window.__xss=1" onerror="window.__xss=1"><source onerror="window.__xss=1"></video>',
};

/** All payloads inside an otherwise ordinary article body. */
export function hostileArticleHtml(): string {
  return [
    '<h1>Hostile article</h1>',
    '<p>An ordinary paragraph with a <a href="https://example.org/ok">safe link</a>.</p>',
    '<img src="https://images.example.org/photo.jpg" alt="Photo">',
    ...Object.values(XSS_PAYLOADS).map((payload) => `<div>${payload}</div>`),
    '<p>Closing paragraph.</p>',
  ].join('\n');
}
