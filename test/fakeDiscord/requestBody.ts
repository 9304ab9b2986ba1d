import type { UploadedFile } from './types.js';

export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

/**
 * Parses a REST request body the way Discord does: JSON, or multipart/form-data carrying `payload_json` plus
 * `files[n]` parts (how discord.js sends attachments).
 */
export async function parseRequestBody(contentType: string | undefined, raw: Buffer): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(contentType, raw);
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown, files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

async function parseMultipart(contentType: string, raw: Buffer): Promise<ParsedBody> {
  // undici's Request understands multipart bodies, which saves writing a boundary parser.
  const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value) as unknown;
      continue;
    }
    files.push({
      field,
      filename: value.name,
      contentType: value.type || 'application/octet-stream',
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, files };
}
