//! Character references: from the page's HTML text to unit text.
//!
//! Unit text holds the characters a reader sees, so the page's character
//! references are decoded as the HTML tokenizer decodes them before the text
//! is escaped again in placeholder form. The named references are the whole
//! HTML5 set (2,231 names, `&NotEqualTilde;` and the other two-code-point
//! ones included), from `htmlize`, which follows the WHATWG tokenizer: legacy
//! names work without `;` by longest prefix (`&copy2025`, `&notit;` is
//! `¬it;`), but not in an attribute value before a letter, digit or `=`
//! (`?a=1&copy=2` keeps its `&copy`), and numeric references map 0x80–0x9F
//! through windows-1252 and invalid values to U+FFFD. A name that is no
//! reference (`&zzz;`) is text to a browser, so it is text in the unit too.

use std::borrow::Cow;

use crate::placeholder::escape_into;

/// Appends `raw` (HTML text, or an attribute value with `in_attribute`) to
/// `out` as unit text: the characters a browser reads from it, escaped in
/// placeholder form. Returns whether they include a letter.
pub(super) fn push_decoded(out: &mut String, raw: &str, in_attribute: bool) -> bool {
    let text = normalize_newlines(raw);
    let decoded = if in_attribute {
        htmlize::unescape_attribute(text)
    } else {
        htmlize::unescape(text)
    };
    escape_into(out, &decoded);
    decoded.chars().any(char::is_alphabetic)
}

/// Raw CR LF and lone CR become LF, as the HTML parser's input stream does.
/// Done before references are decoded: `&#13;` is a CR that stays.
fn normalize_newlines(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\r') {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

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
        // A name that is no reference is text to a browser, and in the unit.
        assert_eq!(texts("<p>記号&hearts;と&zzz;</p>"), ["記号♥と&amp;zzz;"]);
        // Without a known name, the legacy prefix rule applies: `&notit;` is
        // `¬it;` in text.
        assert_eq!(texts("<p>記号&notit;</p>"), ["記号¬it;"]);
        // In attributes, the legacy rule does not decode before `=` or letters.
        assert_eq!(
            texts("<img alt=\"地図&copy=x&copy;&notit;\">"),
            ["地図&amp;copy=x©&amp;notit;"]
        );
        assert_eq!(texts("<img alt=\"地図&zzz;\">"), ["地図&amp;zzz;"]);
        // `&#13;` is a CR that stays; a raw one is a line break.
        assert_eq!(texts("<p>改行&#13;\r\n後</p>"), ["改行\r\n後"]);
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
            // HTML5 names HTML4 did not have, two-code-point ones included.
            "&NotEqualTilde;",
            "&nGg;",
            "&fjlig;",
            "&bne;",
            "&acE;",
            "&check;",
            "&bigstar;",
            "&lbrack;",
            "&Tab;",
            "&NewLine;",
            "&CounterClockwiseContourIntegral;",
            "&timesbar;",
            "&timesbarx;",
            "&ampere;",
            "&zzz;",
            "&notit",
            "&Notin;",
            "&AMP=",
            "&copy;2025",
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
            let units = segment(&text_html).unwrap();
            assert_eq!(unescape_text(&units[0].text), expected, "text {sample:?}");
            assert_same_dom(sample, &text_html, &identity(&text_html).html, true);

            let attr_html = format!("<img alt=\"字[{sample}]\">");
            let doc = Html::parse_document(&attr_html);
            let expected = doc
                .select(&Selector::parse("img").unwrap())
                .next()
                .unwrap()
                .attr("alt")
                .unwrap()
                .to_owned();
            let units = segment(&attr_html).unwrap();
            assert_eq!(
                unescape_text(&units[0].text),
                expected,
                "attribute {sample:?}"
            );
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

    #[test]
    fn two_code_point_references_are_one_reference() {
        // ≂̸ is U+2242 U+0338; `fj` is two letters from one name.
        let html = "<p title=\"&NotEqualTilde;と&fjlig;\">記号&NotEqualTilde;と&fjlig;と&nGg;</p>";
        let units = segment(html).unwrap();
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "\u{2242}\u{338}とfj",
                "記号\u{2242}\u{338}とfjと\u{22D9}\u{338}"
            ]
        );
        // Filled with their own text, the page reads the same.
        assert_same_dom(html, html, &identity(html).html, true);
    }

    #[test]
    fn references_html4_did_not_have_are_decoded_not_kept_aside() {
        // HTML 4 had 252 names; a page written since uses others. Such a
        // reference was a verbatim `<xN/>` when only those were known, and
        // is its characters now.
        assert_eq!(
            texts("<p>確認&check;済み<b>重要</b>&bigstar;&lbrack;注&rbrack;</p>"),
            ["確認✓済み<b1>重要</b1>★[注]"]
        );
        assert_eq!(
            texts("<title>お知らせ &bigstar; 更新</title><img alt=\"地図&rarrw;\">"),
            ["お知らせ ★ 更新", "地図↝"]
        );
        // The translation of such a unit is written as text.
        let out = reassemble("<p>確認&check;済み</p>", |_| {
            Fill::text("Checked ✓ &amp; done")
        })
        .unwrap();
        assert_eq!(out.html, "<p>Checked ✓ &amp; done</p>");
    }
}
