import { ProjectError } from '../../../../definition/errors.js';
import type { RowView } from '../row-view.js';
import { renderHtml } from './render-html.js';

/**
 * The HTML page of a command's rows (loaded only for `--output html`).
 *
 * @throws ProjectError when the command's view has no page
 */
export function renderHtmlRows<Row extends object>(
  rows: readonly Row[],
  view: RowView<Row>,
): string {
  if (view.html === undefined) throw new ProjectError('this command has no HTML output');
  return renderHtml(view.html(rows));
}
