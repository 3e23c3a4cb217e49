//! Character references: from the page's HTML text to unit text.
//!
//! Unit text holds the characters a reader sees, so the page's character
//! references are decoded as the HTML tokenizer decodes them (in text and,
//! with its own legacy rule, in attribute values) before the text is
//! escaped again in placeholder form.

use std::ops::Range;

/// A piece of decoded HTML text.
pub(super) enum Decoded<'a> {
    /// Literal text (raw line breaks still to normalise).
    Str(&'a str),
    /// A decoded character reference.
    Char(char),
    /// A named reference (`&name;`) this module does not know, as a byte range
    /// of the decoded string: kept verbatim.
    Unknown(Range<usize>),
}

/// Decodes HTML character references in `raw` as the HTML tokenizer does in
/// text (`in_attribute = false`) or in an attribute value. Returns `false` if
/// an unknown named reference was met.
///
/// Named references are those of HTML 4 (`&nbsp;`, `&copy;`, `&hellip;`,
/// `&rarr;`, Greek letters…) plus `&apos;`, which covers what Japanese
/// government pages use; a semicolon-terminated name outside that table is
/// reported as [`Decoded::Unknown`] (HTML 5 knows 2,000 more) and kept as it
/// is, which is always correct. The legacy rules are followed: `&copy2025`
/// decodes in text, not in an attribute, and numeric references map 0x80–0x9F
/// through windows-1252 and invalid values to U+FFFD.
pub(super) fn decode_references<'a>(
    raw: &'a str,
    in_attribute: bool,
    mut emit: impl FnMut(Decoded<'a>),
) -> bool {
    let bytes = raw.as_bytes();
    let mut known = true;
    let mut literal_start = 0;
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'&'))
    {
        let amp = i + off;
        let (piece, end) = reference_at(bytes, amp, in_attribute);
        match piece {
            None => i = amp + 1,
            Some(piece) => {
                if amp > literal_start {
                    emit(Decoded::Str(
                        raw.get(literal_start..amp).unwrap_or_default(),
                    ));
                }
                match piece {
                    Ok(c) => emit(Decoded::Char(c)),
                    Err(()) => {
                        known = false;
                        emit(Decoded::Unknown(amp..end));
                    }
                }
                literal_start = end;
                i = end;
            }
        }
    }
    if literal_start < raw.len() {
        emit(Decoded::Str(raw.get(literal_start..).unwrap_or_default()));
    }
    known
}

/// The character reference at `amp` (which holds `&`): `None` if it is a
/// literal ampersand, `Some(Err(()))` for an unknown `&name;`, with its end.
pub(super) fn reference_at(
    bytes: &[u8],
    amp: usize,
    in_attribute: bool,
) -> (Option<Result<char, ()>>, usize) {
    let at = |k: usize| bytes.get(k).copied();
    match at(amp + 1) {
        Some(b'#') => {
            let hex = matches!(at(amp + 2), Some(b'x' | b'X'));
            let digits_start = if hex { amp + 3 } else { amp + 2 };
            let mut j = digits_start;
            let mut value: u32 = 0;
            while let Some(d) =
                at(j).and_then(|b| char::from(b).to_digit(if hex { 16 } else { 10 }))
            {
                value = value
                    .saturating_mul(if hex { 16 } else { 10 })
                    .saturating_add(d);
                j += 1;
            }
            if j == digits_start {
                return (None, amp + 1);
            }
            if at(j) == Some(b';') {
                j += 1;
            }
            (Some(Ok(numeric_reference(value))), j)
        }
        Some(b) if b.is_ascii_alphanumeric() => {
            let name_start = amp + 1;
            let mut j = name_start;
            while at(j).is_some_and(|b| b.is_ascii_alphanumeric()) {
                j += 1;
            }
            let name = bytes.get(name_start..j).unwrap_or_default();
            if at(j) == Some(b';') {
                return match lookup_entity(name) {
                    Some((c, _)) => (Some(Ok(c)), j + 1),
                    None => (Some(Err(())), j + 1),
                };
            }
            // Without `;` only the legacy names count, by longest prefix.
            let legacy = (2..=name.len().min(6)).rev().find_map(|len| {
                let prefix = name.get(..len)?;
                lookup_entity(prefix)
                    .filter(|(_, legacy)| *legacy)
                    .map(|(c, _)| (c, len))
            });
            match legacy {
                Some((c, len)) => {
                    let end = name_start + len;
                    let next = at(end);
                    if in_attribute && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=')
                    {
                        (None, amp + 1)
                    } else {
                        (Some(Ok(c)), end)
                    }
                }
                None => (None, amp + 1),
            }
        }
        _ => (None, amp + 1),
    }
}

pub(super) fn numeric_reference(value: u32) -> char {
    const WINDOWS_1252: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0 => 0xFFFD,
        0x80..=0x9F => WINDOWS_1252
            .get(usize::try_from(value - 0x80).unwrap_or(0))
            .map_or(0xFFFD, |&v| u32::from(v)),
        v => v,
    };
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// `(character, usable without ';')` for a named reference (without `&`/`;`).
pub(super) fn lookup_entity(name: &[u8]) -> Option<(char, bool)> {
    ENTITIES
        .binary_search_by(|(n, _, _)| n.as_bytes().cmp(name))
        .ok()
        .and_then(|i| ENTITIES.get(i))
        .map(|&(_, c, legacy)| (c, legacy))
}

/// XML-escapes `s` into `out` (`&`, `<`, `>`); with `raw_newlines`, raw CR LF
/// and lone CR become LF as the HTML parser's input stream does.
pub(super) fn push_escaped(out: &mut String, s: &str, raw_newlines: bool) {
    let mut rest = s;
    while let Some(pos) = rest.find(['&', '<', '>', '\r']) {
        out.push_str(rest.get(..pos).unwrap_or_default());
        let tail = rest.get(pos..).unwrap_or_default();
        let mut used = 1;
        match tail.as_bytes().first() {
            Some(b'&') => out.push_str("&amp;"),
            Some(b'<') => out.push_str("&lt;"),
            Some(b'>') => out.push_str("&gt;"),
            _ if raw_newlines => {
                out.push('\n');
                if tail.as_bytes().get(1) == Some(&b'\n') {
                    used = 2;
                }
            }
            _ => out.push('\r'),
        }
        rest = tail.get(used..).unwrap_or_default();
    }
    out.push_str(rest);
}

pub(super) fn push_escaped_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        c => out.push(c),
    }
}

/// Named character references: HTML 4 plus `apos`, sorted by name for binary
/// search; the flag marks the legacy names that also work without `;`.
pub(super) static ENTITIES: &[(&str, char, bool)] = &[
    ("AElig", '\u{C6}', true),
    ("AMP", '\u{26}', true),
    ("Aacute", '\u{C1}', true),
    ("Acirc", '\u{C2}', true),
    ("Agrave", '\u{C0}', true),
    ("Alpha", '\u{391}', false),
    ("Aring", '\u{C5}', true),
    ("Atilde", '\u{C3}', true),
    ("Auml", '\u{C4}', true),
    ("Beta", '\u{392}', false),
    ("COPY", '\u{A9}', true),
    ("Ccedil", '\u{C7}', true),
    ("Chi", '\u{3A7}', false),
    ("Dagger", '\u{2021}', false),
    ("Delta", '\u{394}', false),
    ("ETH", '\u{D0}', true),
    ("Eacute", '\u{C9}', true),
    ("Ecirc", '\u{CA}', true),
    ("Egrave", '\u{C8}', true),
    ("Epsilon", '\u{395}', false),
    ("Eta", '\u{397}', false),
    ("Euml", '\u{CB}', true),
    ("GT", '\u{3E}', true),
    ("Gamma", '\u{393}', false),
    ("Iacute", '\u{CD}', true),
    ("Icirc", '\u{CE}', true),
    ("Igrave", '\u{CC}', true),
    ("Iota", '\u{399}', false),
    ("Iuml", '\u{CF}', true),
    ("Kappa", '\u{39A}', false),
    ("LT", '\u{3C}', true),
    ("Lambda", '\u{39B}', false),
    ("Mu", '\u{39C}', false),
    ("Ntilde", '\u{D1}', true),
    ("Nu", '\u{39D}', false),
    ("OElig", '\u{152}', false),
    ("Oacute", '\u{D3}', true),
    ("Ocirc", '\u{D4}', true),
    ("Ograve", '\u{D2}', true),
    ("Omega", '\u{3A9}', false),
    ("Omicron", '\u{39F}', false),
    ("Oslash", '\u{D8}', true),
    ("Otilde", '\u{D5}', true),
    ("Ouml", '\u{D6}', true),
    ("Phi", '\u{3A6}', false),
    ("Pi", '\u{3A0}', false),
    ("Prime", '\u{2033}', false),
    ("Psi", '\u{3A8}', false),
    ("QUOT", '\u{22}', true),
    ("REG", '\u{AE}', true),
    ("Rho", '\u{3A1}', false),
    ("Scaron", '\u{160}', false),
    ("Sigma", '\u{3A3}', false),
    ("THORN", '\u{DE}', true),
    ("Tau", '\u{3A4}', false),
    ("Theta", '\u{398}', false),
    ("Uacute", '\u{DA}', true),
    ("Ucirc", '\u{DB}', true),
    ("Ugrave", '\u{D9}', true),
    ("Upsilon", '\u{3A5}', false),
    ("Uuml", '\u{DC}', true),
    ("Xi", '\u{39E}', false),
    ("Yacute", '\u{DD}', true),
    ("Yuml", '\u{178}', false),
    ("Zeta", '\u{396}', false),
    ("aacute", '\u{E1}', true),
    ("acirc", '\u{E2}', true),
    ("acute", '\u{B4}', true),
    ("aelig", '\u{E6}', true),
    ("agrave", '\u{E0}', true),
    ("alefsym", '\u{2135}', false),
    ("alpha", '\u{3B1}', false),
    ("amp", '\u{26}', true),
    ("and", '\u{2227}', false),
    ("ang", '\u{2220}', false),
    ("apos", '\u{27}', false),
    ("aring", '\u{E5}', true),
    ("asymp", '\u{2248}', false),
    ("atilde", '\u{E3}', true),
    ("auml", '\u{E4}', true),
    ("bdquo", '\u{201E}', false),
    ("beta", '\u{3B2}', false),
    ("brvbar", '\u{A6}', true),
    ("bull", '\u{2022}', false),
    ("cap", '\u{2229}', false),
    ("ccedil", '\u{E7}', true),
    ("cedil", '\u{B8}', true),
    ("cent", '\u{A2}', true),
    ("chi", '\u{3C7}', false),
    ("circ", '\u{2C6}', false),
    ("clubs", '\u{2663}', false),
    ("cong", '\u{2245}', false),
    ("copy", '\u{A9}', true),
    ("crarr", '\u{21B5}', false),
    ("cup", '\u{222A}', false),
    ("curren", '\u{A4}', true),
    ("dArr", '\u{21D3}', false),
    ("dagger", '\u{2020}', false),
    ("darr", '\u{2193}', false),
    ("deg", '\u{B0}', true),
    ("delta", '\u{3B4}', false),
    ("diams", '\u{2666}', false),
    ("divide", '\u{F7}', true),
    ("eacute", '\u{E9}', true),
    ("ecirc", '\u{EA}', true),
    ("egrave", '\u{E8}', true),
    ("empty", '\u{2205}', false),
    ("emsp", '\u{2003}', false),
    ("ensp", '\u{2002}', false),
    ("epsilon", '\u{3B5}', false),
    ("equiv", '\u{2261}', false),
    ("eta", '\u{3B7}', false),
    ("eth", '\u{F0}', true),
    ("euml", '\u{EB}', true),
    ("euro", '\u{20AC}', false),
    ("exist", '\u{2203}', false),
    ("fnof", '\u{192}', false),
    ("forall", '\u{2200}', false),
    ("frac12", '\u{BD}', true),
    ("frac14", '\u{BC}', true),
    ("frac34", '\u{BE}', true),
    ("frasl", '\u{2044}', false),
    ("gamma", '\u{3B3}', false),
    ("ge", '\u{2265}', false),
    ("gt", '\u{3E}', true),
    ("hArr", '\u{21D4}', false),
    ("harr", '\u{2194}', false),
    ("hearts", '\u{2665}', false),
    ("hellip", '\u{2026}', false),
    ("iacute", '\u{ED}', true),
    ("icirc", '\u{EE}', true),
    ("iexcl", '\u{A1}', true),
    ("igrave", '\u{EC}', true),
    ("image", '\u{2111}', false),
    ("infin", '\u{221E}', false),
    ("int", '\u{222B}', false),
    ("iota", '\u{3B9}', false),
    ("iquest", '\u{BF}', true),
    ("isin", '\u{2208}', false),
    ("iuml", '\u{EF}', true),
    ("kappa", '\u{3BA}', false),
    ("lArr", '\u{21D0}', false),
    ("lambda", '\u{3BB}', false),
    ("lang", '\u{27E8}', false),
    ("laquo", '\u{AB}', true),
    ("larr", '\u{2190}', false),
    ("lceil", '\u{2308}', false),
    ("ldquo", '\u{201C}', false),
    ("le", '\u{2264}', false),
    ("lfloor", '\u{230A}', false),
    ("lowast", '\u{2217}', false),
    ("loz", '\u{25CA}', false),
    ("lrm", '\u{200E}', false),
    ("lsaquo", '\u{2039}', false),
    ("lsquo", '\u{2018}', false),
    ("lt", '\u{3C}', true),
    ("macr", '\u{AF}', true),
    ("mdash", '\u{2014}', false),
    ("micro", '\u{B5}', true),
    ("middot", '\u{B7}', true),
    ("minus", '\u{2212}', false),
    ("mu", '\u{3BC}', false),
    ("nabla", '\u{2207}', false),
    ("nbsp", '\u{A0}', true),
    ("ndash", '\u{2013}', false),
    ("ne", '\u{2260}', false),
    ("ni", '\u{220B}', false),
    ("not", '\u{AC}', true),
    ("notin", '\u{2209}', false),
    ("nsub", '\u{2284}', false),
    ("ntilde", '\u{F1}', true),
    ("nu", '\u{3BD}', false),
    ("oacute", '\u{F3}', true),
    ("ocirc", '\u{F4}', true),
    ("oelig", '\u{153}', false),
    ("ograve", '\u{F2}', true),
    ("oline", '\u{203E}', false),
    ("omega", '\u{3C9}', false),
    ("omicron", '\u{3BF}', false),
    ("oplus", '\u{2295}', false),
    ("or", '\u{2228}', false),
    ("ordf", '\u{AA}', true),
    ("ordm", '\u{BA}', true),
    ("oslash", '\u{F8}', true),
    ("otilde", '\u{F5}', true),
    ("otimes", '\u{2297}', false),
    ("ouml", '\u{F6}', true),
    ("para", '\u{B6}', true),
    ("part", '\u{2202}', false),
    ("permil", '\u{2030}', false),
    ("perp", '\u{22A5}', false),
    ("phi", '\u{3C6}', false),
    ("pi", '\u{3C0}', false),
    ("piv", '\u{3D6}', false),
    ("plusmn", '\u{B1}', true),
    ("pound", '\u{A3}', true),
    ("prime", '\u{2032}', false),
    ("prod", '\u{220F}', false),
    ("prop", '\u{221D}', false),
    ("psi", '\u{3C8}', false),
    ("quot", '\u{22}', true),
    ("rArr", '\u{21D2}', false),
    ("radic", '\u{221A}', false),
    ("rang", '\u{27E9}', false),
    ("raquo", '\u{BB}', true),
    ("rarr", '\u{2192}', false),
    ("rceil", '\u{2309}', false),
    ("rdquo", '\u{201D}', false),
    ("real", '\u{211C}', false),
    ("reg", '\u{AE}', true),
    ("rfloor", '\u{230B}', false),
    ("rho", '\u{3C1}', false),
    ("rlm", '\u{200F}', false),
    ("rsaquo", '\u{203A}', false),
    ("rsquo", '\u{2019}', false),
    ("sbquo", '\u{201A}', false),
    ("scaron", '\u{161}', false),
    ("sdot", '\u{22C5}', false),
    ("sect", '\u{A7}', true),
    ("shy", '\u{AD}', true),
    ("sigma", '\u{3C3}', false),
    ("sigmaf", '\u{3C2}', false),
    ("sim", '\u{223C}', false),
    ("spades", '\u{2660}', false),
    ("sub", '\u{2282}', false),
    ("sube", '\u{2286}', false),
    ("sum", '\u{2211}', false),
    ("sup", '\u{2283}', false),
    ("sup1", '\u{B9}', true),
    ("sup2", '\u{B2}', true),
    ("sup3", '\u{B3}', true),
    ("supe", '\u{2287}', false),
    ("szlig", '\u{DF}', true),
    ("tau", '\u{3C4}', false),
    ("there4", '\u{2234}', false),
    ("theta", '\u{3B8}', false),
    ("thetasym", '\u{3D1}', false),
    ("thinsp", '\u{2009}', false),
    ("thorn", '\u{FE}', true),
    ("tilde", '\u{2DC}', false),
    ("times", '\u{D7}', true),
    ("trade", '\u{2122}', false),
    ("uArr", '\u{21D1}', false),
    ("uacute", '\u{FA}', true),
    ("uarr", '\u{2191}', false),
    ("ucirc", '\u{FB}', true),
    ("ugrave", '\u{F9}', true),
    ("uml", '\u{A8}', true),
    ("upsih", '\u{3D2}', false),
    ("upsilon", '\u{3C5}', false),
    ("uuml", '\u{FC}', true),
    ("weierp", '\u{2118}', false),
    ("xi", '\u{3BE}', false),
    ("yacute", '\u{FD}', true),
    ("yen", '\u{A5}', true),
    ("yuml", '\u{FF}', true),
    ("zeta", '\u{3B6}', false),
    ("zwj", '\u{200D}', false),
    ("zwnj", '\u{200C}', false),
];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::segment::test_support::*;

    #[test]
    fn character_references_are_decoded_then_xml_escaped() {
        assert_eq!(
            texts(
                "<p>&#x52B4;&#20685;者 &amp; &lt;組合&gt; &quot;&nbsp;&copy2025 &notit a < b</p>"
            ),
            ["労働者 &amp; &lt;組合&gt; \"\u{a0}©2025 ¬it a &lt; b"]
        );
        // An unknown named reference is kept verbatim as a void placeholder.
        assert_eq!(texts("<p>記号&hearts;と&zzz;</p>"), ["記号♥と<x1/>"]);
        // `&notit;` is `¬it;` to a browser, but a name outside the table could
        // be an HTML 5 reference: kept verbatim too.
        assert_eq!(texts("<p>記号&notit;</p>"), ["記号<x1/>"]);
        // In attributes, the legacy rule does not decode before `=` or letters.
        assert_eq!(
            texts("<img alt=\"地図&copy=x&copy;\">"),
            ["地図&amp;copy=x©"]
        );
        // An attribute with an unknown reference is left alone.
        assert_eq!(texts("<img alt=\"地図&zzz;\">"), Vec::<String>::new());
        // Raw CR LF become LF, as the HTML parser reads them.
        assert_eq!(
            texts("<p>一行目\r\n二行目\r三行目</p>"),
            ["一行目\n二行目\n三行目"]
        );
    }

    #[test]
    fn reference_decoding_matches_html5ever() {
        let samples = [
            "&amp;",
            "&amp",
            "&AMP;",
            "&lt",
            "&gt;",
            "&quot",
            "&apos;",
            "&nbsp;",
            "&nbsp",
            "&copy2025",
            "&copy=1",
            "&notit;",
            "&notin;",
            "&notin",
            "&Aring;",
            "&euro;",
            "&hellip;",
            "&rarr;",
            "&lang;",
            "&#0;",
            "&#x80;",
            "&#x81;",
            "&#150;",
            "&#xD800;",
            "&#x110000;",
            "&#99999999999;",
            "&#x41",
            "&#65",
            "&#;",
            "&#x;",
            "&#xZ;",
            "& ",
            "&",
            "&&amp;",
            "&yen;",
            "&times;",
            "&szlig;",
            "&Omega;",
            "&#12354;",
            "&#x3042;",
            "a&b=c",
        ];
        for sample in samples {
            let text_html = format!("<p>字[{sample}]</p>");
            let doc = Html::parse_document(&text_html);
            let expected: String = doc
                .select(&Selector::parse("p").unwrap())
                .next()
                .unwrap()
                .text()
                .collect();
            let unit = &segment(&text_html).unwrap()[0];
            if unit.text.contains("<x") {
                // Kept verbatim (unknown name): the page must still read the same.
                assert_same_dom(sample, &text_html, &identity(&text_html).html, true);
            } else {
                assert_eq!(unescape_text(&unit.text), expected, "text {sample:?}");
            }

            let attr_html = format!("<img alt=\"字[{sample}]\">");
            let doc = Html::parse_document(&attr_html);
            let expected = doc
                .select(&Selector::parse("img").unwrap())
                .next()
                .unwrap()
                .attr("alt")
                .unwrap()
                .to_owned();
            let out = reassemble(&attr_html, |u| Fill::text(u.text.clone())).unwrap();
            let doc = Html::parse_document(&out.html);
            let round_trip = doc
                .select(&Selector::parse("img").unwrap())
                .next()
                .unwrap()
                .attr("alt")
                .unwrap()
                .to_owned();
            assert_eq!(round_trip, expected, "attribute {sample:?}");
        }
    }
}
