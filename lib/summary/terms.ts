/**
 * Content words of a sentence for the summariser: lower-cased letters and digits without the most
 * frequent function words of German and English (a stop list, so centrality is about topics).
 */
const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einer einem eines und oder aber doch sondern denn dass daß als wie ' +
    'wenn ob weil da so auch noch nur schon sehr mehr nicht kein keine keinen keiner ich du er sie es wir ihr ' +
    'man sich mich mir dich dir uns euch ihm ihn ihnen sein seine seiner seinem seinen ihre ihrem ihren ihrer ' +
    'ist sind war waren wird werden wurde wurden hat haben hatte hatten habe sei seien kann können konnte soll ' +
    'sollen sollte muss müssen will wollen wollte im in am an auf aus bei bis durch für gegen mit nach seit ' +
    'über um unter von vor zu zum zur zwischen dies diese dieser dieses diesem diesen jene jener was wer wo ' +
    'hier dort dann nun bereits sowie etwa laut so bisher jedoch damit dabei dazu ' +
    'the a an and or but if then than that this these those is are was were be been being has have had do ' +
    'does did of in on at to for from by with about as into over after before under between out up down ' +
    'it its he him his she her hers they them their theirs we us our you your i me my not no so too very ' +
    'can could will would shall should may might must also just which who whom whose what when where why ' +
    'how all any both each few more most other some such only own same there here said says say mr mrs ms'
  ).split(' '),
);

export function contentTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}
