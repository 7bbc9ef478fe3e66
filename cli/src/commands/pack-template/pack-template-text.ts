import {
  type PackTemplateOptions,
  renderPackTemplate,
} from '../../../../definition/pack-template.js';
import { OutputFormat } from '../../output/format.js';

/**
 * The template text of `pack-template` (loaded only when it runs): YAML, or
 * JSON with `--output json` (JSON is also valid YAML).
 */
export function packTemplateText(options: PackTemplateOptions, output?: OutputFormat): string {
  const template = renderPackTemplate(options);
  return output === OutputFormat.Json ? template.toJson() : template.toYaml();
}
