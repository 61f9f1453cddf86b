import { describe, expect, it } from 'vitest';
import { decodeText, sniffCharset, UnreadableContentError } from '../../ingest/extract/decode.js';

describe('decoding', () => {
  it('reads UTF-8 (with or without BOM) and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\ufeffGrüße', 'utf8')).text).toBe('Grüße');
    const latin = decodeText(Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x80]));
    expect(latin).toEqual({ text: 'Grüße €', encoding: 'windows-1252' });
  });

  it('refuses binary data', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toThrow(UnreadableContentError);
  });

  it('honours a declared charset', () => {
    expect(sniffCharset('text/html; charset=ISO-8859-1', new Uint8Array())).toBe('ISO-8859-1');
    expect(sniffCharset(null, Buffer.from('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(decodeText(Buffer.from([0xe8]), 'iso-8859-1').text).toBe('è');
  });

  it('reads a page converted to UTF-8 that still declares a legacy charset as UTF-8, and the legacy bytes as declared', () => {
    const converted = Buffer.from('<meta charset="iso-8859-15"><p>La operación contó con la colaboración de la policía.</p>', 'utf8');
    expect(decodeText(converted, sniffCharset(null, converted))).toEqual({
      text: '<meta charset="iso-8859-15"><p>La operación contó con la colaboración de la policía.</p>',
      encoding: 'utf-8',
    });
    const legacy = Buffer.from('<meta charset="iso-8859-15"><p>La operación contó con la colaboración.</p>', 'latin1');
    expect(decodeText(legacy, sniffCharset(null, legacy)).text).toContain('La operación contó con la colaboración.');
    const shiftJis = new Uint8Array([0x83, 0x6e, 0x83, 0x8d, 0x81, 0x5b]); // ハロー: not valid UTF-8, stays Shift_JIS
    expect(decodeText(shiftJis, 'shift_jis').text).toBe('ハロー');
  });
});

describe('undeclared legacy encodings', () => {
  it('guesses a Cyrillic page that declares no charset, and keeps Western text as Windows-1252', () => {
    const russian = 'Правительство приняло новый закон о налогах для малого бизнеса. Депутаты обсуждали его три месяца, и теперь ставки снизятся. ';
    const cp1251 = new Uint8Array(
      [...russian.repeat(3)].map((ch) => (ch === ' ' || ch === '.' || ch === ',' ? ch.charCodeAt(0) : ch === 'ё' ? 0xb8 : ch.charCodeAt(0) - 0x410 + 0xc0)),
    );
    expect(decodeText(cp1251)).toEqual({ text: russian.repeat(3), encoding: 'windows-1251' });
    const western = Buffer.from('Die Bürgermeisterin eröffnete die neue Brücke über den Fluß; sie kostete 12 Millionen €. '.repeat(4), 'latin1');
    western[western.indexOf(0x3f)] = 0x80; // keep it valid Windows-1252 even where latin1 lost the euro sign
    expect(decodeText(western).encoding).toBe('windows-1252');
  });
});
