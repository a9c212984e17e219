import { escapeCardMarkdown, mentionLabel, plainCardText, safeLabel, ZERO_WIDTH_SPACE as ZW } from '../../../src/domain/reminders/markdown';
import { rendered, unescapedSpecials } from './helpers';

/** User text an attacker (or a careless paste) could put in a service name, practice name or owner name. */
const HOSTILE = [
  '[x](https://evil.example)',
  '[click here][1]\n\n[1]: https://evil.example',
  '![img](https://evil.example/a.png)',
  '<https://evil.example>',
  'https://evil.example/login',
  'www.evil.example',
  'visit evil.com now',
  'mail attacker@evil.example',
  '**bold** __bold__ *it* _it_ ~~gone~~',
  '# heading',
  '## heading',
  '- list item',
  '+ list item',
  '* list item',
  '1. list',
  '2) list',
  '> quote',
  '`code` and ```fence```',
  '    indented code',
  'a | b\n--|--\n1 | 2',
  'Heading\n=======',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;script&gt; &amp; &#x3C;',
  '<at>Priya Shah</at>',
  '{{DATE(2017-02-14T06:08:00Z, SHORT)}}',
  '\\[x\\](https://evil.example)',
  'line one\r\nline two\rline three\u2028four',
  'tab\there\u0000nul\u0007bell\u001b[31mred\u007f\u0085\u009b',
  'bidi \u202Eevil.exe\u202C zero\u200Bwidth \uFEFFbom',
  'lone \uD800 surrogate',
  'x'.repeat(5000),
  `${'[a](https://e.example)'.repeat(300)}`,
];

describe('escapeCardMarkdown', () => {
  it.each(HOSTILE.map((text) => [JSON.stringify(text).slice(0, 60), text]))('leaves nothing that can format or link: %s', (_name, text) => {
    const escaped = escapeCardMarkdown(text);
    expect(unescapedSpecials(escaped)).toEqual([]);
    expect(escaped).not.toMatch(/[\p{Cc}]/u);
    expect(escaped).not.toMatch(/[\u202A-\u202E\u2066-\u2069\uFEFF]/);
    expect(escaped).not.toContain('://');
    expect(escaped).not.toContain('{{');
    expect(escaped).not.toMatch(/\b(?:www|evil|example)\.\p{L}/u); // no address auto-linking can find
    expect(Array.from(rendered(escaped)).length).toBeLessThanOrEqual(200);
    // nothing is lost: a reader sees the original text, flattened to one line
    expect(rendered(escaped)).toBe(plainCardText(text));
  });

  it('escapes the classic cases exactly', () => {
    expect(escapeCardMarkdown('[x](https://evil)')).toBe(`\\[x\\]\\(https:${ZW}//evil\\)`);
    expect(escapeCardMarkdown('**bold** _x_')).toBe('\\*\\*bold\\*\\* \\_x\\_');
    expect(escapeCardMarkdown('# heading')).toBe('\\# heading');
    expect(escapeCardMarkdown('- list')).toBe('\\- list');
    expect(escapeCardMarkdown('1. list')).toBe('1\\. list');
    expect(escapeCardMarkdown('`code`')).toBe('\\`code\\`');
    expect(escapeCardMarkdown('<b> & </b>')).toBe('\\<b\\> \\& \\</b\\>');
    expect(escapeCardMarkdown('one\ntwo\n\nthree')).toBe('one two three');
    expect(escapeCardMarkdown('nhs.uk')).toBe(`nhs.${ZW}uk`);
  });

  it('keeps ordinary service names readable', () => {
    expect(escapeCardMarkdown('EMIS Web v9.2')).toBe('EMIS Web v9.2');
    expect(escapeCardMarkdown("Dr O'Brien's AccuRx (SMS)")).toBe("Dr O'Brien's AccuRx \\(SMS\\)");
    expect(escapeCardMarkdown('  Docman   10  ')).toBe('Docman 10');
    expect(escapeCardMarkdown(null)).toBe('');
  });

  it('caps length with an ellipsis, counting characters a person sees (emoji are not split)', () => {
    expect(escapeCardMarkdown('abcdef', 4)).toBe('abc…');
    expect(escapeCardMarkdown('😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(() => escapeCardMarkdown('x', 0)).toThrow(RangeError);
  });
});

describe('mentionLabel', () => {
  it('keeps names plain so the <at> text needs no escaping', () => {
    expect(mentionLabel('Priya Shah')).toBe('Priya Shah');
    expect(mentionLabel("Siobhán O'Neill-Jones")).toBe("Siobhán O'Neill-Jones");
    expect(mentionLabel('[Priya](https://evil) <b>*Shah*</b>')).toBe('Priya https evil b Shah b');
    expect(mentionLabel('</at><at>x')).toBe('at at x');
    expect(mentionLabel('- 1. ')).toBe('1.'); // mid-line after "Owner: ", so not a list
    expect(mentionLabel('   ')).toBe('Owner');
  });
});

describe('service names in notifications and buttons keep their brackets (issue 14)', () => {
  it('keeps round and square brackets in a plain-text label, never in a mention', () => {
    expect(safeLabel('EMIS Web (GP) [main site]', 60, 'A service')).toBe('EMIS Web (GP) [main site]');
    expect(mentionLabel('Priya (Locum)')).toBe('Priya Locum');
  });
});
