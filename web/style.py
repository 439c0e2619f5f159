"""How the web page looks and behaves: its CSS and the script in its <head>."""

UI_CSS = """
.gradio-container {max-width: 1400px !important; margin: 0 auto;}
#app-header h1 {font-size: 1.45rem; margin: 0;}
#app-header p {margin: 2px 0 0; color: var(--body-text-color-subdued);}
#status-line {font-size: .85rem; color: var(--body-text-color-subdued);}
#status-line p {margin: 0;}
.hidden-control {display: none !important;}
.answer {line-height: 1.55;}
.answer.abstained {border-left: 3px solid #d97706; padding-left: 8px;}
.answer.streaming::after {content: "▍"; opacity: .6;}
a.cite-ref, a.cite-link {font-weight: 600; text-decoration: none; color: var(--color-accent);}
a.cite-ref:hover, a.cite-link:hover, a.cite-ref:focus, a.cite-link:focus {
  text-decoration: underline;}
.citations {margin-top: 10px; border-top: 1px solid var(--border-color-primary);
  padding-top: 6px; font-size: .9em;}
.citations-title {font-weight: 600; font-size: .8em; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color-subdued); margin-bottom: 2px;}
details.cite {margin: 2px 0;}
details.cite summary {cursor: pointer;}
.cite-where {color: var(--body-text-color);}
blockquote.cite-quote {margin: 4px 0 6px 18px; padding: 4px 10px;
  border-left: 3px solid var(--color-accent); background: var(--background-fill-secondary);
  font-size: .95em;}
.answer-meta {margin-top: 6px; font-size: .78em; color: var(--body-text-color-subdued);}
.notice {color: #b45309;}
#viewer .viewer {max-height: 600px; overflow-y: auto; padding-right: 6px;}
#viewer, #class-viewer {border: 1px solid
  var(--border-color-primary); border-radius: var(--radius-lg); padding: 14px 16px;
  background: var(--background-fill-primary);}
.viewer-empty {color: var(--body-text-color-subdued); padding: 24px 4px;}
.doc-title, .class-title {font-size: 1.1rem; font-weight: 600; margin-bottom: 4px;}
dl.doc-facts {display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: 6px 0 10px; font-size: .9em;}
dl.doc-facts dt {color: var(--body-text-color-subdued);}
dl.doc-facts dd {margin: 0;}
.viewer-section {font-weight: 600; margin: 14px 0 6px; padding-bottom: 2px;
  border-bottom: 1px solid var(--border-color-primary);}
p.passage {white-space: pre-wrap; margin: 6px 0; line-height: 1.5;}
mark {background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px;}
table.viewer-table {border-collapse: collapse; width: 100%; font-size: .88em; margin: 6px 0;}
table.viewer-table th, table.viewer-table td {border: 1px solid var(--border-color-primary);
  padding: 4px 6px; text-align: left;}
table.viewer-table tr.hit td {background: #fde68a;}
ul.evidence {font-size: .9em; padding-left: 18px;}
ul.evidence .fact {color: var(--body-text-color-subdued); font-size: .85em;}
footer {display: none !important;}
.data-table [role=gridcell], .data-table [role=columnheader], .data-table input {
  font-family: var(--font) !important;}
#class-viewer {margin-top: 12px;}
.viewer-caption {margin-top: 16px; font-size: .75em; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color-subdued);}
.eval-table {overflow-x: auto;}
.eval-table table {font-size: .85em;}
.eval-table th {white-space: normal; word-break: normal; vertical-align: bottom;}
.eval-table td {white-space: nowrap; word-break: normal;}
.eval-table th, .eval-table td {border-color: var(--border-color-primary) !important;
  padding: 4px 10px !important;}
"""

# Citation links live inside chat messages, which Gradio sanitises (no inline handlers), so one
# listener on the document hands the clicked link's key to a hidden textbox and button.
UI_HEAD = """<script>
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#cite-"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const box = document.querySelector('#cite-key textarea, #cite-key input');
  const button = document.querySelector('#cite-open');
  if (!box || !button) return;
  box.value = link.getAttribute('href').slice(6);
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => button.click(), 0);
}, true);
// Gradio labels a chat message with its raw content, which for answers is HTML: screen readers
// get the text instead. The text may hold "<" itself ("Experience: < 2 years"), and setting a
// label is a mutation this observer sees: a label it wrote is left alone, or it never stops.
const readableLabels = () => document.querySelectorAll(
  '[data-testid=bot][aria-label*="<"]').forEach((message) => {
    if (message.getAttribute('aria-label') === message.dataset.readableLabel) return;
    const label = 'Answer: ' + message.innerText.trim().slice(0, 2000);
    message.dataset.readableLabel = label;
    message.setAttribute('aria-label', label);
  });
new MutationObserver(readableLabels).observe(document.documentElement,
  {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label']});
window.classificationCopy = async (text) => {
  try { await navigator.clipboard.writeText(text); return; } catch (error) {}
  const area = document.createElement('textarea');
  area.value = text; document.body.appendChild(area); area.select();
  document.execCommand('copy'); area.remove();
};
</script>"""
