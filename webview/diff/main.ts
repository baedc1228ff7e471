// The diff panel's browser side: renders what the host sends, keeps only the two references as
// state, and turns the buttons into messages (see src/diff/protocol.ts).
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import type { DiffView, HostMessage, PanelState, WebviewMessage } from '../../src/diff/protocol';
import { clear, el } from './dom';
import { renderHeader, renderSection, renderSummary, visibleRowCount, type RenderOptions } from './render';
import './styles.css';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  setState(state: PanelState): void;
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const options: RenderOptions = { showUnchanged: false, openSections: new Map() };
let current: DiffView | undefined;

function send(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function button(id: string, label: string, glyph: string, message: WebviewMessage, title: string): HTMLElement {
  const node = el('vscode-button', { attrs: { id, title, 'aria-label': title }, props: { secondary: true } }, [
    el('span', { className: 'glyph', text: glyph, attrs: { 'aria-hidden': 'true' } }),
    ` ${label}`,
  ]);
  node.addEventListener('click', () => send(message));
  return node;
}

function toolbar(): HTMLElement {
  const unchanged = el('vscode-checkbox', { attrs: { id: 'show-unchanged', label: 'Show unchanged fields' }, props: { checked: options.showUnchanged } });
  unchanged.addEventListener('change', () => {
    options.showUnchanged = unchanged.checked;
    if (current) render(current, true);
  });
  return el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Comparison actions' } }, [
    unchanged,
    el('div', { className: 'buttons' }, [
      button('swap', 'Swap sides', '⇄', { type: 'swap' }, 'Swap the two sides'),
      button('json-diff', 'Open JSON diff', '{ }', { type: 'openJsonDiff' }, 'Open both server.json documents in the diff editor, keys in canonical order'),
      button('copy-markdown', 'Copy summary as Markdown', '¶', { type: 'copyMarkdown' }, 'Copy the summary as Markdown for a pull request or release note'),
    ]),
  ]);
}

function afterPaint(view: DiffView): void {
  requestAnimationFrame(() => requestAnimationFrame(() => send({ type: 'rendered', rows: visibleRowCount(view, options.showUnchanged) })));
}

function render(view: DiffView, keepFocus = false): void {
  const focusedId = keepFocus ? (document.activeElement as HTMLElement | null)?.id : undefined;
  current = view;
  clear(app);
  app.setAttribute('aria-busy', 'false');
  app.append(
    renderHeader(view),
    renderSummary(view),
    toolbar(),
    el('div', { className: 'sections' }, view.sections.map((section) => renderSection(section, options))),
  );
  if (focusedId) document.getElementById(focusedId)?.focus();
  afterPaint(view);
}

function renderLoading(title: string): void {
  app.setAttribute('aria-busy', 'true');
  if (current) return;
  clear(app);
  app.append(el('p', { className: 'loading', text: `Loading ${title}…` }));
}

function renderError(message: string): void {
  current = undefined;
  clear(app);
  app.setAttribute('aria-busy', 'false');
  const retry = el('vscode-button', { attrs: { id: 'retry' } }, ['Retry']);
  retry.addEventListener('click', () => send({ type: 'retry' }));
  app.append(el('section', { className: 'error', attrs: { role: 'alert' } }, [el('h1', { text: 'The comparison could not be loaded' }), el('p', { className: 'error-message', text: message }), retry]));
  requestAnimationFrame(() => send({ type: 'rendered', rows: 0 }));
}

function flashCopied(): void {
  const node = document.getElementById('copy-markdown');
  if (!node) return;
  node.classList.add('copied');
  node.setAttribute('title', 'Copied');
  setTimeout(() => node.classList.remove('copied'), 1500);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'loading':
      vscode.setState(message.state);
      renderLoading(message.title);
      return;
    case 'view':
      vscode.setState(message.state);
      render(message.view, true);
      return;
    case 'error':
      vscode.setState(message.state);
      renderError(message.message);
      return;
    case 'copied':
      flashCopied();
      return;
  }
});

send({ type: 'ready' });
