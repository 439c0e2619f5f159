"""How the web page looks and behaves: its theme, its CSS and the script in its <head>."""

import gradio as gr

# Fonts that ship with Gradio (nothing comes from a CDN). Its semibold files are small subsets
# that lack letters, so only the complete regular and bold faces are used. Gradio's subdued
# text and accent colours are below WCAG AA (4.5:1) on its backgrounds: darker in light mode,
# lighter in dark mode here.
THEME = gr.themes.Default(
    primary_hue="blue",
    neutral_hue="slate",
    font=[gr.themes.LocalFont("IBM Plex Sans", weights=(400, 700)), "system-ui", "sans-serif"],
    font_mono=[gr.themes.LocalFont("IBM Plex Mono", weights=(400, 700)), "monospace"],
).set(
    body_text_color_subdued="*neutral_600",
    body_text_color_subdued_dark="*neutral_300",
    block_info_text_color="*neutral_600",
    block_info_text_color_dark="*neutral_300",
    input_placeholder_color="*neutral_500",
    input_placeholder_color_dark="*neutral_400",
    color_accent="*primary_700",
    color_accent_soft="*primary_50",
    link_text_color="*primary_700",
    link_text_color_dark="*primary_300",
    button_primary_background_fill="*primary_700",
    button_primary_background_fill_hover="*primary_800",
    button_primary_background_fill_dark="*primary_700",
    button_cancel_background_fill="#b91c1c",
    button_cancel_text_color="white",
)

UI_CSS = """
.gradio-container {max-width: min(1400px, 100vw) !important; margin: 0 auto;
  min-width: 0 !important;}
/* Gradio's flex boxes grow to their widest child; a wide table must scroll inside its own
   box instead, or a phone's page grows sideways. */
.gradio-container .main, .gradio-container .wrap, .gradio-container main.contain,
.gradio-container .tabs {min-width: 0 !important;}
#app-header h1 {font-size: 1.35rem; margin: 0;}
#app-header p {margin: 2px 0 0; color: var(--body-text-color-subdued); font-size: .92rem;}
.hidden-control {display: none !important;}
button[role=tab].selected {color: #1d4ed8 !important;}
.dark button[role=tab].selected {color: #93c5fd !important;}
/* Gradio dims chat text to 80% opacity, which takes links and subdued text below 4.5:1. */
#chat .md.chatbot {opacity: 1 !important;}
.answer {line-height: 1.55;}
.answer ul {margin: 2px 0 6px 0; padding-left: 20px;}
.answer li {margin: 1px 0;}
.answer-label {font-weight: 700; margin-top: 4px;}
.answer.abstained {border-left: 3px solid #b45309; padding-left: 8px;}
.answer.notice {border-left: 3px solid var(--color-accent); padding-left: 8px;}
.answer.streaming::after {content: "▍"; opacity: .6;}
.gradio-container a.cite-ref, .gradio-container a.cite-link {font-weight: 700;
  text-decoration: underline; color: #1d4ed8 !important;}
.dark .gradio-container a.cite-ref, .dark .gradio-container a.cite-link,
.gradio-container.dark a.cite-ref, .gradio-container.dark a.cite-link {color: #93c5fd !important;}
.cite-entry {display: flex; gap: 6px; align-items: baseline; margin: 2px 0;}
.cite-entry details.cite {flex: 1; min-width: 0;}
.choices {display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 2px;}
a.choice {display: inline-block; padding: 5px 12px; border-radius: 999px; text-decoration: none;
  border: 1px solid var(--link-text-color); color: var(--link-text-color); font-weight: 700;
  background: var(--background-fill-primary);}
a.choice:hover, a.choice:focus {background: var(--background-fill-secondary);
  text-decoration: underline;}
.citations {margin-top: 10px; border-top: 1px solid var(--border-color-primary);
  padding-top: 6px; font-size: .9em;}
.citations-title {font-weight: 700; font-size: .8em; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color); margin-bottom: 2px;}
details.cite summary {cursor: pointer;}
.cite-where {color: var(--body-text-color);}
blockquote.cite-quote {margin: 4px 0 6px 18px; padding: 4px 10px;
  border-left: 3px solid var(--color-accent); background: var(--background-fill-secondary);
  font-size: .95em; color: var(--body-text-color);}
#question-count {font-size: .8rem; color: var(--body-text-color-subdued); text-align: right;}
#question-count.over {color: #b91c1c; font-weight: 700;}
.dark #question-count.over {color: #fca5a5;}
#examples {align-items: center; gap: 6px; flex-wrap: wrap;}
#examples > * {flex: 0 1 auto !important; width: auto !important;}
.examples-label {font-size: .85rem; color: var(--body-text-color-subdued);}
#examples button.example {white-space: normal; text-align: left; font-weight: 400;}
#conversation-actions, #past-actions {gap: 6px;}
#chat-row > .column {gap: 8px;}
#question-count-box {margin-top: -4px;}
.panel-title {font-size: 1rem; font-weight: 700; margin: 4px 0 0;}
#viewer .viewer {max-height: 560px; overflow-y: auto; padding-right: 6px;}
#viewer, #class-viewer {border: 1px solid
  var(--border-color-primary); border-radius: var(--radius-lg); padding: 14px 16px;
  background: var(--background-fill-primary); scroll-margin-top: 8px;}
.viewer-empty {color: var(--body-text-color-subdued); padding: 16px 4px;}
.doc-title, .class-title {font-size: 1.1rem; font-weight: 700; margin-bottom: 4px;}
dl.doc-facts {display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: 6px 0 10px; font-size: .9em;}
dl.doc-facts dt {color: var(--body-text-color-subdued);}
dl.doc-facts dd {margin: 0; overflow-wrap: anywhere;}
.viewer-section {font-weight: 700; margin: 14px 0 6px; padding-bottom: 2px;
  border-bottom: 1px solid var(--border-color-primary);}
p.passage {white-space: pre-wrap; margin: 6px 0; line-height: 1.5;}
mark, table.viewer-table tr.hit td {background: #fde68a; color: #1f2937;}
mark {padding: 0 1px; border-radius: 2px;}
.table-scroll, #viewer .viewer, #class-viewer .viewer {overflow-x: auto; max-width: 100%;}
table.viewer-table {border-collapse: collapse; width: 100%; font-size: .88em; margin: 6px 0;}
table.viewer-table th, table.viewer-table td {border: 1px solid var(--border-color-primary);
  padding: 4px 6px; text-align: left;}
ul.evidence {font-size: .9em; padding-left: 18px;}
ul.evidence .fact {color: var(--body-text-color-subdued); font-size: .85em;}
footer {display: none !important;}
#class-viewer {margin-top: 12px;}
.viewer-caption {margin-top: 16px; font-size: .75em; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color-subdued);}
/* The catalog, sources and failed cases: full width, headers and codes whole, the first
   column kept in view while a phone scrolls the rest sideways. */
table.data-html {border-collapse: separate; border-spacing: 0; width: 100%; font-size: .9rem;}
.gradio-container p.table-caption {font-weight: 700; margin: 4px 0 8px;}
.gradio-container table.data-html {border: none !important; margin: 0;}
.gradio-container table.data-html th, .gradio-container table.data-html td {padding: 6px 10px;
  text-align: left; vertical-align: top; border: none !important;
  border-bottom: 1px solid var(--border-color-primary) !important; word-break: normal;
  overflow-wrap: normal; hyphens: none;}
.gradio-container table.data-html a {padding: 0 !important; margin: 0 !important;}
table.data-html thead th {white-space: nowrap; background: var(--background-fill-secondary);
  position: sticky; top: 0;}
table.data-html td.whole {white-space: nowrap;}
table.data-html tbody th {font-weight: 400; position: sticky; left: 0; z-index: 1;
  background: var(--background-fill-primary); min-width: 11rem;}
table.data-html thead th:first-child {position: sticky; left: 0; z-index: 2;}
.table-scroll.catalog tbody th, .table-scroll.sources tbody th {box-shadow: 1px 0 0
  var(--border-color-primary);}
table.data-html a {color: var(--link-text-color);}
details.full-answer summary {cursor: pointer; color: var(--body-text-color);}
details.full-answer .answer-text {white-space: pre-wrap; margin-top: 6px; min-width: 22rem;}
.eval-table .eval-scroll {overflow-x: auto; max-width: 100%;}
.eval-table table {font-size: .85em;}
/* Gradio's markdown lets a word break anywhere (overflow-wrap), which cut "cases" into
   "case s": a header wraps only between its words, and the table scrolls inside its box. */
.eval-table th, .eval-table td {word-break: normal !important; overflow-wrap: normal !important;
  hyphens: none;}
.eval-table th {white-space: normal; vertical-align: bottom;}
.eval-table td {white-space: nowrap;}
.eval-table th, .eval-table td {border-color: var(--border-color-primary) !important;
  padding: 4px 10px !important;}
/* A dropdown's arrow sits on its own space, never on the chosen text. */
.wrap-inner input {padding-right: 28px !important; text-overflow: ellipsis;}
@media (max-width: 700px) {
  .gradio-container {padding: 0 8px !important;}
  #app-header h1 {font-size: 1.15rem;}
  /* All four tabs in the bar, none behind an overflow menu: Gradio decides which tabs fit by
     measuring hidden copies of the buttons, so the copies get the same padding. */
  button[role=tab], .tab-container.visually-hidden button {padding-left: 7px !important;
    padding-right: 7px !important;}
  #chat {height: 58vh !important;}
  table.data-html {font-size: .85rem;}
  table.data-html tbody th {min-width: 8.5rem; max-width: 10rem;}
}
"""

# Links inside chat messages and tables (citations, a question back's choices, catalog rows)
# live in HTML that Gradio sanitises (no inline handlers), so one listener on the document
# hands the clicked link's key to a hidden textbox and button. Code that touches the page
# waits for Gradio to render it (whenLoaded, then polling): nothing at the top level depends
# on elements being there.
UI_HEAD = """<script>
const LINKS = {'#cite-': ['#cite-key', '#cite-open', '#viewer'],
  '#ask-': ['#choice-key', '#choice-open', null],
  '#class-': ['#class-key', '#class-open', '#class-viewer']};
const revealWhenChanged = (selector) => {
  const target = document.querySelector(selector);
  if (!target) return;
  const before = target.innerHTML;
  let tries = 0;
  const check = () => {
    tries += 1;
    if (target.innerHTML === before && tries < 100) { setTimeout(check, 100); return; }
    const box = target.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight * 0.6) {
      target.scrollIntoView({behavior: 'smooth', block: 'start'});
    }
  };
  setTimeout(check, 100);
};
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#"]');
  if (!link) return;
  const href = link.getAttribute('href');
  const prefix = Object.keys(LINKS).find((p) => href.startsWith(p));
  if (!prefix) return;
  event.preventDefault();
  event.stopPropagation();
  const [boxSelector, buttonSelector, shown] = LINKS[prefix];
  const box = document.querySelector(`${boxSelector} textarea, ${boxSelector} input`);
  const button = document.querySelector(buttonSelector);
  if (!box || !button) return;
  box.value = href.slice(prefix.length);
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => button.click(), 0);
  if (shown) revealWhenChanged(shown);
}, true);
// A question box that counts its characters and will not send above the limit.
const questionLimit = () => {
  const counter = document.querySelector('#question-count');
  const area = document.querySelector('#question textarea');
  if (!counter || !area) return null;
  return {counter, area, limit: Number(counter.dataset.limit)};
};
const countQuestion = () => {
  const found = questionLimit();
  if (!found) return false;
  const {counter, area, limit} = found;
  const length = area.value.trim().length;
  const over = length > limit;
  counter.textContent = over
    ? `${length} / ${limit} characters: too long to send, please shorten it`
    : `${length} / ${limit} characters`;
  counter.classList.toggle('over', over);
  area.setAttribute('aria-invalid', over ? 'true' : 'false');
  const send = document.querySelector('#question button');
  if (send) send.disabled = over;
  return over;
};
document.addEventListener('input', (event) => {
  if (event.target.closest && event.target.closest('#question')) countQuestion();
}, true);
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey) return;
  if (!(event.target.closest && event.target.closest('#question'))) return;
  if (countQuestion()) { event.preventDefault(); event.stopImmediatePropagation(); }
}, true);
// Gradio adds this script to the page after DOMContentLoaded has fired: start now if so.
const whenLoaded = (start) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
};
whenLoaded(() => {
  // Open at the top (the header and tabs), and put the cursor in the question box on a
  // desk-sized screen without scrolling to it.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  let tries = 0;
  const ready = setInterval(() => {
    tries += 1;
    const found = questionLimit();
    if (!found && tries < 200) return;
    clearInterval(ready);
    window.scrollTo(0, 0);
    if (found && window.innerWidth >= 900) found.area.focus({preventScroll: true});
    setInterval(countQuestion, 400);  // the box is also emptied and filled by the server
  }, 50);
});
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
