import { describe, expect, it } from 'vitest';
import { parseRequestBody } from './requestBody.js';

describe('request bodies', () => {
  it('parses JSON', async () => {
    expect(await parseRequestBody('application/json', Buffer.from('{"content":"hi"}'))).toEqual({ body: { content: 'hi' }, files: [] });
  });

  it('parses multipart payload_json and keeps the file bytes', async () => {
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'calendar', attachments: [{ id: 0, filename: 'party.ics' }] }));
    form.append('files[0]', new Blob(['BEGIN:VCALENDAR'], { type: 'text/calendar' }), 'party.ics');
    const request = new Request('http://fake.invalid/', { method: 'POST', body: form });

    const parsed = await parseRequestBody(request.headers.get('content-type') ?? undefined, Buffer.from(await request.arrayBuffer()));

    expect(parsed.body).toEqual({ content: 'calendar', attachments: [{ id: 0, filename: 'party.ics' }] });
    expect(parsed.files.map((file) => ({ ...file, data: file.data.toString() }))).toEqual([
      { field: 'files[0]', filename: 'party.ics', contentType: 'text/calendar', data: 'BEGIN:VCALENDAR' },
    ]);
  });

  it('treats an empty body as none', async () => {
    expect(await parseRequestBody(undefined, Buffer.alloc(0))).toEqual({ body: undefined, files: [] });
  });
});
