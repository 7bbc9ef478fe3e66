/** A value that {@link xmlFields} can render. */
export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | XmlRaw
  | readonly XmlValue[]
  | { readonly [name: string]: XmlValue | undefined };

/** Pre-rendered XML, inserted as is. */
export interface XmlRaw {
  readonly xml: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Formats a date as AWS query answers do: ISO 8601 in UTC, whole seconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Renders fields as child elements in the awsQuery style: arrays become
 * `<member>` lists, objects nest, dates are ISO 8601; undefined fields are left out.
 */
export function xmlFields(fields: { readonly [name: string]: XmlValue | undefined }): string {
  let out = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) {
      out += `<${name}>${xmlValue(value)}</${name}>`;
    }
  }
  return out;
}

/** Renders a string-keyed map as awsQuery `<entry><key/><value/></entry>` items. */
export function xmlMap(map: Readonly<Record<string, string | number>>): XmlRaw {
  let xml = '';
  for (const [key, value] of Object.entries(map)) {
    xml += `<entry><key>${escapeXml(key)}</key><value>${escapeXml(String(value))}</value></entry>`;
  }
  return { xml };
}

function xmlValue(value: XmlValue): string {
  if (value instanceof Date) {
    return isoSeconds(value);
  }
  if (Array.isArray(value)) {
    return value.map((item: XmlValue) => `<member>${xmlValue(item)}</member>`).join('');
  }
  if (typeof value === 'object') {
    return isRaw(value) ? value.xml : xmlFields(value as Record<string, XmlValue | undefined>);
  }
  return escapeXml(String(value));
}

function isRaw(value: object): value is XmlRaw {
  return 'xml' in value && typeof (value as { xml: unknown }).xml === 'string';
}
