//! Tests of the scanners and renderings: a table per kind of token, the round trip in
//! Japanese, and generated units.

#![allow(clippy::unwrap_used, non_upper_case_globals)]

use super::*;
#[allow(non_upper_case_globals)]
const En: Lang = Lang::En;
#[allow(non_upper_case_globals)]
const Ja: Lang = Lang::Ja;
#[allow(non_upper_case_globals)]
const Ko: Lang = Lang::Ko;
#[allow(non_upper_case_globals)]
const ZhHans: Lang = Lang::ZhHans;
#[allow(non_upper_case_globals)]
const ZhHant: Lang = Lang::ZhHant;

const TARGETS: [Lang; 4] = [En, ZhHans, ZhHant, Ko];

/// The unit must be exactly one token; returns it.
fn one(unit: &str) -> Token {
    let p = protect(unit);
    assert_eq!(p.text, "<p1/>", "{unit:?} should be one whole token");
    assert_eq!(p.tokens.len(), 1, "{unit:?}");
    p.tokens.into_iter().next().unwrap()
}

/// Each row: a unit that is one token, its kind, and its rendering in en, zh-Hans,
/// zh-Hant and ko. Also checks that ja gives the source back.
fn check_renders(rows: &[(&str, TokenKind, [&str; 4])]) {
    for (unit, kind, expected) in rows {
        let token = one(unit);
        assert_eq!(token.kind, *kind, "{unit:?}");
        assert_eq!(token.source, *unit);
        for (lang, want) in TARGETS.iter().zip(expected) {
            assert_eq!(render(&token, *lang), *want, "{unit:?} in {lang:?}");
        }
        assert_eq!(crate::placeholder::escape_text(&render(&token, Ja)), *unit);
    }
}

/// Each row: a unit, the protected text, and the sources of its tokens in order.
fn check_protects(rows: &[(&str, &str, &[&str])]) {
    for (unit, text, sources) in rows {
        let p = protect(unit);
        assert_eq!(p.text, *text, "{unit:?}");
        let got: Vec<&str> = p.tokens.iter().map(|t| t.source.as_str()).collect();
        assert_eq!(got, *sources, "{unit:?}");
        assert_eq!(
            restore(&p.text, &p.tokens, Ja).unwrap(),
            *unit,
            "round trip"
        );
    }
}

/// Units that must come out of `protect` unchanged, with no tokens.
fn check_untouched(units: &[&str]) {
    for unit in units {
        let p = protect(unit);
        assert_eq!(p.text, *unit, "{unit:?} should be left alone");
        assert!(p.tokens.is_empty(), "{unit:?}: {:?}", p.tokens);
    }
}

fn same(s: &str) -> [&str; 4] {
    [s, s, s, s]
}

#[test]
fn urls() {
    use TokenKind::Url;
    check_renders(&[
        (
            "https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501",
            Url,
            same("https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501"),
        ),
        (
            "http://www.mhlw.go.jp/",
            Url,
            same("http://www.mhlw.go.jp/"),
        ),
        (
            "HTTPS://WWW.MHLW.GO.JP/",
            Url,
            same("HTTPS://WWW.MHLW.GO.JP/"),
        ),
        (
            "https://example.jp/wiki/A_(B)",
            Url,
            same("https://example.jp/wiki/A_(B)"),
        ),
        (
            "https://example.jp/search?q=1&amp;lang=ja#top",
            Url,
            same("https://example.jp/search?q=1&lang=ja#top"),
        ),
        (
            "https://example.jp/a%E3%81%82/b.pdf",
            Url,
            same("https://example.jp/a%E3%81%82/b.pdf"),
        ),
    ]);
    check_protects(&[
        (
            "詳細はhttps://www.mhlw.go.jp/index.htmlをご覧ください。",
            "詳細は<p1/>をご覧ください。",
            &["https://www.mhlw.go.jp/index.html"],
        ),
        (
            "（https://www.mhlw.go.jp/）",
            "（<p1/>）",
            &["https://www.mhlw.go.jp/"],
        ),
        (
            "(see https://www.mhlw.go.jp/stf/index.html).",
            "(see <p1/>).",
            &["https://www.mhlw.go.jp/stf/index.html"],
        ),
        (
            "「https://www.mhlw.go.jp/」を参照",
            "「<p1/>」を参照",
            &["https://www.mhlw.go.jp/"],
        ),
        (
            "&lt;https://example.jp/&gt;",
            "&lt;<p1/>&gt;",
            &["https://example.jp/"],
        ),
        (
            "See http://example.jp/a, https://example.jp/b; or 'https://example.jp/c'.",
            "See <p1/>, <p2/>; or '<p3/>'.",
            &[
                "http://example.jp/a",
                "https://example.jp/b",
                "https://example.jp/c",
            ],
        ),
        (
            "https://example.jp/page　次の行",
            "<p1/>　次の行",
            &["https://example.jp/page"],
        ),
        (
            "https://example.jp/?a=1&amp;b=2&amp;",
            "<p1/>",
            &["https://example.jp/?a=1&amp;b=2&amp;"],
        ),
    ]);
    check_untouched(&[
        "https://",
        "https://。",
        "xhttps://example.jp/",
        "httpx://a.jp",
    ]);
}

#[test]
fn url_with_amp_is_escaped_again_on_restore() {
    let p = protect("参照：https://example.jp/?a=1&amp;b=2");
    assert_eq!(p.text, "参照：<p1/>");
    assert_eq!(render(&p.tokens[0], En), "https://example.jp/?a=1&b=2");
    assert_eq!(
        restore("See: <p1/>", &p.tokens, En).unwrap(),
        "See: https://example.jp/?a=1&amp;b=2"
    );
}

#[test]
fn emails() {
    use TokenKind::Email;
    check_renders(&[
        ("info@mhlw.go.jp", Email, same("info@mhlw.go.jp")),
        (
            "roudou-kumiai.2025+seminar@example.co.jp",
            Email,
            same("roudou-kumiai.2025+seminar@example.co.jp"),
        ),
        ("info＠mhlw.go.jp", Email, same("info＠mhlw.go.jp")),
        ("A_B@Example.JP", Email, same("A_B@Example.JP")),
    ]);
    check_protects(&[
        (
            "お問い合わせ：info@mhlw.go.jpまで",
            "お問い合わせ：<p1/>まで",
            &["info@mhlw.go.jp"],
        ),
        (
            "メール（seminar@example.jp）。",
            "メール（<p1/>）。",
            &["seminar@example.jp"],
        ),
        (
            "write to info@mhlw.go.jp.",
            "write to <p1/>.",
            &["info@mhlw.go.jp"],
        ),
    ]);
    check_untouched(&[
        "@mhlw.go.jp",
        "info@localhost",
        "a@b",
        "info@mhlw.",
        "x@1.2",
    ]);
}

#[test]
fn phones() {
    use TokenKind::Phone;
    check_renders(&[
        ("03-5253-1111", Phone, same("03-5253-1111")),
        ("03-3595-3189", Phone, same("03-3595-3189")),
        ("0120-123-456", Phone, same("0120-123-456")),
        ("090-1234-5678", Phone, same("090-1234-5678")),
        ("0570-064-556", Phone, same("0570-064-556")),
        ("0996-76-0000", Phone, same("0996-76-0000")),
        ("03－5253－1111", Phone, same("03-5253-1111")),
        ("０３－５２５３－１１１１", Phone, same("03-5253-1111")),
        ("03ー5253ー1111", Phone, same("03-5253-1111")),
        ("03‐5253‐1111", Phone, same("03-5253-1111")),
        ("03(5253)1111", Phone, same("03(5253)1111")),
        ("０３（５２５３）１１１１", Phone, same("03(5253)1111")),
        ("(03)5253-1111", Phone, same("(03)5253-1111")),
    ]);
    check_protects(&[
        (
            "(代表電話)03-5253-1111",
            "(代表電話)<p1/>",
            &["03-5253-1111"],
        ),
        (
            "TEL:03-5253-1111、FAX：03-3595-3189",
            "TEL:<p1/>、FAX：<p2/>",
            &["03-5253-1111", "03-3595-3189"],
        ),
        (
            "コールセンター0120-123-456（平日9時〜17時）",
            "コールセンター<p1/>（平日<p2/>）",
            &["0120-123-456", "9時〜17時"],
        ),
        (
            "電話 03-5253-1111(内線5520)",
            "電話 <p1/><p2/>",
            &["03-5253-1111", "(内線5520)"],
        ),
    ]);
    check_untouched(&[
        "123-4567",
        "03-5253-11111",
        "03-5253-1111-2",
        "103-5253-1111",
        "1.03-5253-1111",
        "1-2-3",
        "03-52-53",
        "A03-5253-1111",
    ]);
}

#[test]
fn extensions() {
    use TokenKind::Extension;
    check_renders(&[
        (
            "(内線5520)",
            Extension,
            ["(ext. 5520)", "（分机5520）", "（分機5520）", "(내선 5520)"],
        ),
        (
            "（内線5520）",
            Extension,
            ["(ext. 5520)", "（分机5520）", "（分機5520）", "(내선 5520)"],
        ),
        (
            "（内線：５５２０）",
            Extension,
            ["(ext. 5520)", "（分机5520）", "（分機5520）", "(내선 5520)"],
        ),
        (
            "内線5520",
            Extension,
            ["ext. 5520", "分机5520", "分機5520", "내선 5520"],
        ),
        (
            "内線 123",
            Extension,
            ["ext. 123", "分机123", "分機123", "내선 123"],
        ),
    ]);
    check_protects(&[("(内線5520、5521)", "(<p1/>、5521)", &["内線5520"])]);
    check_untouched(&["内線", "内線番号", "(内線)"]);
}

#[test]
fn phone_and_extension_read_apart_in_english_and_korean() {
    let p = protect("03-5253-1111(内線5520)");
    assert_eq!(p.text, "<p1/><p2/>");
    let expected = [
        (En, "03-5253-1111 (ext. 5520)"),
        (ZhHans, "03-5253-1111（分机5520）"),
        (ZhHant, "03-5253-1111（分機5520）"),
        (Ko, "03-5253-1111 (내선 5520)"),
        (Ja, "03-5253-1111(内線5520)"),
    ];
    for (lang, want) in expected {
        assert_eq!(restore(&p.text, &p.tokens, lang).unwrap(), want);
    }
}

#[test]
fn postcodes() {
    use TokenKind::Postcode;
    check_renders(&[
        ("〒100-8916", Postcode, same("〒100-8916")),
        ("〒１００－８９１６", Postcode, same("〒１００－８９１６")),
        ("〒 100-8916", Postcode, same("〒 100-8916")),
        ("〒1008916", Postcode, same("〒1008916")),
    ]);
    check_protects(&[(
        "〒100-8916 東京都千代田区霞が関1-2-2",
        "<p1/> 東京都千代田区霞が関1-2-2",
        &["〒100-8916"],
    )]);
    check_untouched(&["100-8916", "〒100-891", "〒10-8916", "〒"]);
}

#[test]
fn file_sizes() {
    use TokenKind::FileSize;
    check_renders(&[
        ("(PDF:1.2MB)", FileSize, same("(PDF:1.2MB)")),
        ("（PDF：1.2MB）", FileSize, same("（PDF：1.2MB）")),
        ("(PDF形式：345KB)", FileSize, same("(PDF形式：345KB)")),
        (
            "［PDF形式：1,234KB］",
            FileSize,
            same("［PDF形式：1,234KB］"),
        ),
        ("【Excel 2.5MB】", FileSize, same("【Excel 2.5MB】")),
        ("(1.2MB)", FileSize, same("(1.2MB)")),
        (
            "（ＰＤＦ：１．２ＭＢ）",
            FileSize,
            same("（ＰＤＦ：１．２ＭＢ）"),
        ),
        ("1,234KB", FileSize, same("1,234KB")),
        ("12.5 MB", FileSize, same("12.5 MB")),
        ("3GB", FileSize, same("3GB")),
        ("850kB", FileSize, same("850kB")),
    ]);
    check_protects(&[
        (
            "リーフレット（PDF：1.2MB）",
            "リーフレット<p1/>",
            &["（PDF：1.2MB）"],
        ),
        (
            "資料(PDF:1.2MB、10ページ)",
            "資料(PDF:<p1/>、10ページ)",
            &["1.2MB"],
        ),
    ]);
    check_untouched(&["10Mbps", "MBA", "1.2M", "5B", "(PDF)", "A12MB"]);
}

#[test]
fn full_dates() {
    use TokenKind::Date;
    check_renders(&[
        (
            "令和7年7月23日(水)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "令和7年7月23日（水）",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        // The source's weekday is wrong; the computed one is shown.
        (
            "令和7年7月23日(月)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "令和7年7月23日",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "令和７年７月２３日（水）",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "令和7年7月23日 (水曜日)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "令和 7 年 7 月 23 日",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "㋿7年7月23日",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "2025年7月23日",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "２０２５年７月２３日(水)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "2025年（令和7年）7月23日",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "令和7年(2025年)7月23日(水)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "令和8年1月21日(水)",
            Date,
            [
                "Wednesday, January 21, 2026",
                "2026年1月21日（星期三）",
                "2026年1月21日（星期三）",
                "2026년 1월 21일(수)",
            ],
        ),
        (
            "令和6年2月29日(木)",
            Date,
            [
                "Thursday, February 29, 2024",
                "2024年2月29日（星期四）",
                "2024年2月29日（星期四）",
                "2024년 2월 29일(목)",
            ],
        ),
        (
            "2000年2月29日(火)",
            Date,
            [
                "Tuesday, February 29, 2000",
                "2000年2月29日（星期二）",
                "2000年2月29日（星期二）",
                "2000년 2월 29일(화)",
            ],
        ),
        (
            "令和7年12月31日(日)",
            Date,
            [
                "Wednesday, December 31, 2025",
                "2025年12月31日（星期三）",
                "2025年12月31日（星期三）",
                "2025년 12월 31일(수)",
            ],
        ),
    ]);
}

#[test]
fn era_boundaries_in_full_dates() {
    use TokenKind::Date;
    let row = |unit, en, zh: &'static str, ko| (unit, Date, [en, zh, zh, ko]);
    check_renders(&[
        row(
            "明治6年1月1日",
            "January 1, 1873",
            "1873年1月1日",
            "1873년 1월 1일",
        ),
        row(
            "明治45年7月29日(月)",
            "Monday, July 29, 1912",
            "1912年7月29日（星期一）",
            "1912년 7월 29일(월)",
        ),
        row(
            "大正元年7月30日(火)",
            "Tuesday, July 30, 1912",
            "1912年7月30日（星期二）",
            "1912년 7월 30일(화)",
        ),
        row(
            "大正15年12月24日",
            "December 24, 1926",
            "1926年12月24日",
            "1926년 12월 24일",
        ),
        row(
            "昭和元年12月25日(土)",
            "Saturday, December 25, 1926",
            "1926年12月25日（星期六）",
            "1926년 12월 25일(토)",
        ),
        row(
            "昭和64年1月7日",
            "January 7, 1989",
            "1989年1月7日",
            "1989년 1월 7일",
        ),
        row(
            "平成元年1月8日(日)",
            "Sunday, January 8, 1989",
            "1989年1月8日（星期日）",
            "1989년 1월 8일(일)",
        ),
        row(
            "平成31年4月30日",
            "April 30, 2019",
            "2019年4月30日",
            "2019년 4월 30일",
        ),
        // Written before the era change was known; the Gregorian date is still certain.
        row(
            "平成31年5月1日",
            "May 1, 2019",
            "2019年5月1日",
            "2019년 5월 1일",
        ),
        row(
            "令和元年5月1日(水)",
            "Wednesday, May 1, 2019",
            "2019年5月1日（星期三）",
            "2019년 5월 1일(수)",
        ),
        row(
            "㍻元年1月8日",
            "January 8, 1989",
            "1989年1月8日",
            "1989년 1월 8일",
        ),
    ]);
}

#[test]
fn invalid_dates_are_left_alone() {
    check_untouched(&[
        "令和7年2月30日",
        "令和7年2月29日",
        "2100年2月29日",
        "2025年2月29日(土)",
        "令和7年13月1日",
        "令和7年7月32日",
        "令和7年7月0日",
        "令和7年0月1日",
        "令和元年4月30日",
        "令和元年4月",
        "平成元年1月7日",
        "大正元年7月29日",
        "昭和元年12月24日",
        "明治5年12月2日",
        "明治元年9月8日",
        "令和0年",
        "令和0年度",
        "7月32日",
        "13月1日",
        "2月30日",
        "平成100年7月23日",
    ]);
    check_protects(&[(
        "期限は令和7年2月30日(日)です",
        "期限は令和7年2月30日(日)です",
        &[],
    )]);
}

#[test]
fn year_months_and_month_days() {
    use TokenKind::Date;
    check_renders(&[
        (
            "令和7年7月",
            Date,
            ["July 2025", "2025年7月", "2025年7月", "2025년 7월"],
        ),
        (
            "2025年5月",
            Date,
            ["May 2025", "2025年5月", "2025年5月", "2025년 5월"],
        ),
        (
            "令和4年10月",
            Date,
            ["October 2022", "2022年10月", "2022年10月", "2022년 10월"],
        ),
        (
            "令和元年5月",
            Date,
            ["May 2019", "2019年5月", "2019年5月", "2019년 5월"],
        ),
        (
            "平成元年1月",
            Date,
            ["January 1989", "1989年1月", "1989年1月", "1989년 1월"],
        ),
        (
            "令和８年１月",
            Date,
            ["January 2026", "2026年1月", "2026年1月", "2026년 1월"],
        ),
        (
            "7月23日",
            Date,
            ["July 23", "7月23日", "7月23日", "7월 23일"],
        ),
        (
            "7月23日(水)",
            Date,
            [
                "Wednesday, July 23",
                "7月23日（星期三）",
                "7月23日（星期三）",
                "7월 23일(수)",
            ],
        ),
        (
            "１２月１日（月）",
            Date,
            [
                "Monday, December 1",
                "12月1日（星期一）",
                "12月1日（星期一）",
                "12월 1일(월)",
            ],
        ),
        (
            "2月29日",
            Date,
            ["February 29", "2月29日", "2月29日", "2월 29일"],
        ),
    ]);
    check_protects(&[
        (
            "令和4年10月からこの法人制度がスタートし",
            "<p1/>からこの法人制度がスタートし",
            &["令和4年10月"],
        ),
        ("7月1日〜7月31日", "<p1/>〜<p2/>", &["7月1日", "7月31日"]),
        ("7月23日(水・祝)", "<p1/>(水・祝)", &["7月23日"]),
        ("毎年7月23日", "毎年<p1/>", &["7月23日"]),
    ]);
    check_untouched(&[
        "7月〜1月",
        "9月〜1月にかけて4回開催する",
        "7月開催回",
        "毎月1日",
        "2025年",
        "1か月",
        "第3月曜日",
    ]);
}

#[test]
fn fiscal_years() {
    use TokenKind::FiscalYear;
    let row = |unit, y: &'static str, zh: &'static str, ko| (unit, FiscalYear, [y, zh, zh, ko]);
    check_renders(&[
        row("令和7年度", "FY2025", "2025年度", "2025년도"),
        row("令和７年度", "FY2025", "2025年度", "2025년도"),
        row("令和元年度", "FY2019", "2019年度", "2019년도"),
        row("平成31年度", "FY2019", "2019年度", "2019년도"),
        row("平成32年度", "FY2020", "2020年度", "2020년도"),
        row("昭和63年度", "FY1988", "1988年度", "1988년도"),
        row("2025年度", "FY2025", "2025年度", "2025년도"),
    ]);
    check_protects(&[(
        "厚生労働省は、令和7年度の7月〜1月にかけて",
        "厚生労働省は、<p1/>の7月〜1月にかけて",
        &["令和7年度"],
    )]);
}

#[test]
fn era_years() {
    use TokenKind::EraYear;
    let row = |unit, y: &'static str, zh: &'static str, ko| (unit, EraYear, [y, zh, zh, ko]);
    check_renders(&[
        row("明治元年", "1868", "1868年", "1868년"),
        row("明治45年", "1912", "1912年", "1912년"),
        row("大正元年", "1912", "1912年", "1912년"),
        row("大正15年", "1926", "1926年", "1926년"),
        row("昭和元年", "1926", "1926年", "1926년"),
        row("昭和64年", "1989", "1989年", "1989년"),
        row("平成元年", "1989", "1989年", "1989년"),
        row("平成31年", "2019", "2019年", "2019년"),
        row("令和元年", "2019", "2019年", "2019년"),
        row("令和7年", "2025", "2025年", "2025년"),
        row("令和７年", "2025", "2025年", "2025년"),
        row("㋿元年", "2019", "2019年", "2019년"),
        row("2025年（令和7年）", "2025", "2025年", "2025년"),
    ]);
    check_protects(&[
        ("令和元年に施行", "<p1/>に施行", &["令和元年"]),
        // A mismatched alternative year is not absorbed.
        ("令和7年（2024年）", "<p1/>（2024年）", &["令和7年"]),
    ]);
}

#[test]
fn time_ranges() {
    use TokenKind::TimeRange;
    let row = |unit, s| (unit, TimeRange, same(s));
    check_renders(&[
        row("14時00分〜16時00分", "14:00–16:00"),
        row("14時〜16時", "14:00–16:00"),
        row("14:00～16:00", "14:00–16:00"),
        row("14：00〜16：00", "14:00–16:00"),
        row("１４時００分～１６時００分", "14:00–16:00"),
        row("9時30分～12時", "9:30–12:00"),
        row("9:00-17:00", "9:00–17:00"),
        row("09:00～17:15", "9:00–17:15"),
        row("14時 〜 16時", "14:00–16:00"),
        row("10時半〜11時", "10:30–11:00"),
        (
            "午後2時〜午後4時",
            TimeRange,
            [
                "2:00 p.m. – 4:00 p.m.",
                "下午2点至下午4点",
                "下午2點至下午4點",
                "오후 2시~오후 4시",
            ],
        ),
        (
            "午前9時〜午後5時30分",
            TimeRange,
            [
                "9:00 a.m. – 5:30 p.m.",
                "上午9点至下午5点30分",
                "上午9點至下午5點30分",
                "오전 9시~오후 5시 30분",
            ],
        ),
        row("22時〜24時", "22:00–24:00"),
    ]);
}

#[test]
fn single_times() {
    use TokenKind::Time;
    let row = |unit, s| (unit, Time, same(s));
    check_renders(&[
        row("14時30分", "14:30"),
        row("9時05分", "9:05"),
        row("14:30", "14:30"),
        row("１４：３０", "14:30"),
        (
            "午後2時30分",
            Time,
            ["2:30 p.m.", "下午2点30分", "下午2點30分", "오후 2시 30분"],
        ),
        row("10時半", "10:30"),
        row("14時00分", "14:00"),
    ]);
    check_protects(&[
        ("14時00分〜開始", "<p1/>〜開始", &["14時00分"]),
        ("17時15分まで", "<p1/>まで", &["17時15分"]),
    ]);
    check_protects(&[("14時頃", "<p1/>頃", &["14時"])]);
    check_untouched(&[
        "24時間",
        "1時間30分",
        "30分間",
        "12:30:45",
        "1:2",
        "25時",
        "14時60分",
        "24:30",
        "午前12時30分",
        "3時限目",
    ]);
}

#[test]
fn date_followed_by_time_is_two_tokens_and_reads_naturally() {
    let p = protect("(1)令和7年7月23日(水)14時00分〜16時00分");
    assert_eq!(p.text, "(1)<p1/><p2/>");
    assert_eq!(p.tokens[0].kind, TokenKind::Date);
    assert_eq!(p.tokens[1].kind, TokenKind::TimeRange);
    let expected = [
        (En, "(1) Wednesday, July 23, 2025 14:00–16:00"),
        (ZhHans, "(1)2025年7月23日（星期三）14:00–16:00"),
        (ZhHant, "(1)2025年7月23日（星期三）14:00–16:00"),
        (Ko, "(1) 2025년 7월 23일(수) 14:00–16:00"),
    ];
    for (lang, want) in expected {
        let translated = match lang {
            En | Ko => "(1) <p1/><p2/>",
            _ => "(1)<p1/><p2/>",
        };
        assert_eq!(restore(translated, &p.tokens, lang).unwrap(), want);
    }
}

#[test]
fn placeholder_tags_are_never_scanned() {
    check_protects(&[
        ("<b1>03-5253-1111</b1>", "<b1><p1/></b1>", &["03-5253-1111"]),
        ("<x2/>令和7年度", "<x2/><p1/>", &["令和7年度"]),
        ("<x10/>2025年5月<x11/>", "<x10/><p1/><x11/>", &["2025年5月"]),
        (
            "<b1>詳細</b1><x2/>14時00分〜16時00分",
            "<b1>詳細</b1><x2/><p1/>",
            &["14時00分〜16時00分"],
        ),
    ]);
    // A token split by markup is not a token.
    check_untouched(&[
        "03-5253-<b1>1111</b1>",
        "<b12>",
        "<x2/><x3/>",
        "14時<b1>00分</b1>",
        "https<b1>://example.jp/</b1>",
    ]);
}

#[test]
fn several_tokens_are_numbered_in_order() {
    let unit = "令和7年度のセミナーは令和7年7月23日(水)14時00分〜16時00分に開催。\
                問い合わせ：〒100-8916 03-5253-1111（内線5520）、info@mhlw.go.jp、\
                https://www.mhlw.go.jp/（PDF：1.2MB）";
    let p = protect(unit);
    assert_eq!(
        p.text,
        "<p1/>のセミナーは<p2/><p3/>に開催。問い合わせ：<p4/> <p5/><p6/>、<p7/>、<p8/><p9/>"
    );
    let kinds: Vec<TokenKind> = p.tokens.iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(
        kinds,
        [
            FiscalYear, Date, TimeRange, Postcode, Phone, Extension, Email, Url, FileSize
        ]
    );
    assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit);
}

#[test]
fn escaped_text_is_kept_escaped() {
    check_protects(&[
        (
            "研究&amp;開発 03-5253-1111",
            "研究&amp;開発 <p1/>",
            &["03-5253-1111"],
        ),
        (
            "A&amp;B社 &lt;令和7年度&gt;",
            "A&amp;B社 &lt;<p1/>&gt;",
            &["令和7年度"],
        ),
        ("&amp;03-5253-1111", "&amp;<p1/>", &["03-5253-1111"]),
    ]);
    let p = protect("Q&amp;A 令和7年7月23日");
    assert_eq!(
        restore("Q&amp;A <p1/>", &p.tokens, En).unwrap(),
        "Q&amp;A July 23, 2025"
    );
}

#[test]
fn round_trip_in_japanese_is_identity() {
    let units = [
        "",
        "労働者協同組合に係るオンラインセミナー(全5回)を開催します",
        "(1)令和7年7月23日(水)14時00分〜16時00分",
        "令和７年７月２３日（水）１４時００分～１６時００分",
        "〒100-8916 東京都千代田区霞が関1-2-2 03-5253-1111（内線5520）",
        "https://example.jp/?a=1&amp;b=2 &lt;info@mhlw.go.jp&gt;",
        "<b1>令和元年</b1>5月1日<x2/>（PDF：1.2MB）",
        "期限は令和7年2月30日(日)です",
        "7月〜1月、24時間、14時頃",
        "<p1/> is not ours but passes through",
    ];
    for unit in units {
        let p = protect(unit);
        if p.tokens.is_empty() {
            assert_eq!(p.text, unit);
        }
        if unit.contains("<p1/>") {
            continue;
        }
        assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit, "{unit:?}");
    }
}

/// Generated units made of the pieces tokens are built from: protect must not panic,
/// must give every token its placeholder, and must round-trip exactly.
#[test]
fn generated_units_round_trip() {
    const ATOMS: [&str; 40] = [
        "令和", "平成", "明治", "元", "年", "月", "日", "度", "時", "分", "半", "間", "(", ")",
        "（", "）", "水", "〜", "～", "-", "－", ":", "：", "0", "1", "2", "3", "７", "０", "〒",
        "内線", "MB", ",", ".", "https://", "a", "@", "&amp;", "<b1>", "<x2/>",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = next() % 24;
        let unit: String = (0..len)
            .map(|_| ATOMS[(next() % ATOMS.len() as u64) as usize])
            .collect();
        let p = protect(&unit);
        for n in 1..=p.tokens.len() {
            assert_eq!(p.text.matches(&placeholder(n)).count(), 1, "{unit:?}");
        }
        assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit);
        for lang in TARGETS {
            restore(&p.text, &p.tokens, lang).unwrap();
        }
    }
}

#[test]
fn restore_errors_name_the_placeholder() {
    let p = protect("03-5253-1111 令和7年度 14時30分");
    assert_eq!(p.text, "<p1/> <p2/> <p3/>");
    let cases = [
        (
            "<p1/> <p3/>",
            RestoreError::Missing { placeholder: 2 },
            "<p2/>",
        ),
        (
            "<p1/> <p2/> <p3/> <p9/>",
            RestoreError::Unknown { placeholder: 9 },
            "<p9/>",
        ),
        (
            "<p1/> <p2/> <p0/> <p3/>",
            RestoreError::Unknown { placeholder: 0 },
            "<p0/>",
        ),
        (
            "<p1/> <p1/> <p2/> <p3/>",
            RestoreError::Duplicated { placeholder: 1 },
            "<p1/>",
        ),
        ("", RestoreError::Missing { placeholder: 1 }, "<p1/>"),
    ];
    for (translated, error, name) in cases {
        let got = restore(translated, &p.tokens, En).unwrap_err();
        assert_eq!(got, error, "{translated:?}");
        assert!(got.to_string().contains(name), "{got}");
    }
    assert_eq!(
        restore("<p9/>", &[], En),
        Err(RestoreError::Unknown { placeholder: 9 })
    );
}

#[test]
fn restore_tolerates_what_mt_does_to_placeholders() {
    let p = protect("03-5253-1111 令和7年度");
    assert_eq!(
        restore("Call <p1 /> in <p2/>.", &p.tokens, En).unwrap(),
        "Call 03-5253-1111 in FY2025."
    );
    assert_eq!(
        restore("<p2/>：<p1/> <pre>", &p.tokens, ZhHant).unwrap(),
        "2025年度：03-5253-1111 <pre>"
    );
    assert_eq!(
        restore("<b1><p2/></b1> <p1/>", &p.tokens, Ko).unwrap(),
        "<b1>2025년도</b1> 03-5253-1111"
    );
}

#[test]
fn weekday_matches_the_calendar() {
    use Weekday::*;
    let rows = [
        (1868, 1, 25, Saturday),
        (1912, 7, 30, Tuesday),
        (1926, 12, 25, Saturday),
        (1989, 1, 8, Sunday),
        (2019, 5, 1, Wednesday),
        (1970, 1, 1, Thursday),
        (2000, 2, 29, Tuesday),
        (2024, 2, 29, Thursday),
        (2025, 7, 23, Wednesday),
        (2026, 1, 21, Wednesday),
        (1900, 3, 1, Thursday),
        (2100, 12, 31, Friday),
    ];
    for (y, m, d, w) in rows {
        assert_eq!(weekday(y, m, d), w, "{y}-{m}-{d}");
    }
}

/// Lines of the seed announcement (shared/seed/000_b77fba0cfff899c0.txt), each as a unit.
#[test]
fn seed_announcement_lines() {
    check_protects(&[
        ("2025年5月", "<p1/>", &["2025年5月"]),
        (
            "(代表電話)03-5253-1111",
            "(代表電話)<p1/>",
            &["03-5253-1111"],
        ),
        ("(内線5520)", "<p1/>", &["(内線5520)"]),
        (
            "(直通電話)03-3595-3189",
            "(直通電話)<p1/>",
            &["03-3595-3189"],
        ),
        (
            "厚生労働省は、令和7年度の7月〜1月にかけて、労働者協同組合に係るオンラインセミナー(全5回)を開催します。",
            "厚生労働省は、<p1/>の7月〜1月にかけて、労働者協同組合に係るオンラインセミナー(全5回)を開催します。",
            &["令和7年度"],
        ),
        (
            "令和4年10月からこの法人制度がスタートし、荒廃山林を整備したキャンプ場の経営、葬祭業、成年後見支援、メディア制作体験、給食づくり、高齢者介護など様々な事業が行われており、あらゆる事業分野で多様な働き方を実現しています。",
            "<p1/>からこの法人制度がスタートし、荒廃山林を整備したキャンプ場の経営、葬祭業、成年後見支援、メディア制作体験、給食づくり、高齢者介護など様々な事業が行われており、あらゆる事業分野で多様な働き方を実現しています。",
            &["令和4年10月"],
        ),
        (
            "令和7年度初回となる7月開催回では、日々、地域課題の解決や地域づくりに向き合っている市町村職員の皆さまに向けて",
            "<p1/>初回となる7月開催回では、日々、地域課題の解決や地域づくりに向き合っている市町村職員の皆さまに向けて",
            &["令和7年度"],
        ),
        (
            "(1)令和7年7月23日(水)14時00分〜16時00分",
            "(1)<p1/><p2/>",
            &["令和7年7月23日(水)", "14時00分〜16時00分"],
        ),
        (
            "(2)令和7年9月27日(土)14時00分〜16時00分",
            "(2)<p1/><p2/>",
            &["令和7年9月27日(土)", "14時00分〜16時00分"],
        ),
        (
            "(3)令和7年10月29日(水)14時00分〜16時00分",
            "(3)<p1/><p2/>",
            &["令和7年10月29日(水)", "14時00分〜16時00分"],
        ),
        (
            "(4)令和7年12月13日(土)14時00分〜16時00分",
            "(4)<p1/><p2/>",
            &["令和7年12月13日(土)", "14時00分〜16時00分"],
        ),
        (
            "(5)令和8年1月21日(水)14時00分〜16時00分",
            "(5)<p1/><p2/>",
            &["令和8年1月21日(水)", "14時00分〜16時00分"],
        ),
        (
            "https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501",
            "<p1/>",
            &["https://www.roukyouhou.mhlw.go.jp/forum/onlineseminar_202501"],
        ),
    ]);
    check_untouched(&[
        "労働者協同組合に係るオンラインセミナー(全5回)を開催します",
        "課長:小林 淳",
        "1.日時・テーマ",
        "3.参加費",
        "無料(事前の参加申し込みが必要です)",
        "7月開催回は主に市町村職員の方向けの内容となっておりますが、広く一般の方々にもご参加いただけます。",
        "また、9月〜1月にかけて4回開催するオンラインセミナーでは、各回テーマを変えて",
        "〜労働者協同組合を活用した地域づくり〜",
        "  • 1.",
    ]);

    let en: Vec<String> = [
        "令和7年7月23日(水)",
        "令和7年9月27日(土)",
        "令和7年10月29日(水)",
        "令和7年12月13日(土)",
        "令和8年1月21日(水)",
    ]
    .iter()
    .map(|unit| render(&one(unit), En))
    .collect();
    assert_eq!(
        en,
        [
            "Wednesday, July 23, 2025",
            "Saturday, September 27, 2025",
            "Wednesday, October 29, 2025",
            "Saturday, December 13, 2025",
            "Wednesday, January 21, 2026",
        ]
    );
}

#[test]
fn western_dates() {
    use TokenKind::Date;
    check_renders(&[
        (
            "2019/02/22",
            Date,
            [
                "February 22, 2019",
                "2019年2月22日",
                "2019年2月22日",
                "2019년 2월 22일",
            ],
        ),
        (
            "2025.7.23",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "2025-07-23",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "２０２５／７／２３",
            Date,
            [
                "July 23, 2025",
                "2025年7月23日",
                "2025年7月23日",
                "2025년 7월 23일",
            ],
        ),
        (
            "2025/7/23(水)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
        (
            "2024.2.29",
            Date,
            [
                "February 29, 2024",
                "2024年2月29日",
                "2024年2月29日",
                "2024년 2월 29일",
            ],
        ),
    ]);
    check_protects(&[
        (
            "最終更新日：2019/02/22",
            "最終更新日：<p1/>",
            &["2019/02/22"],
        ),
        ("（2025.7.23.）", "（<p1/>.）", &["2025.7.23"]),
        ("2025-07-23T14:00", "<p1/>T14:00", &["2025-07-23"]),
    ]);
    check_untouched(&[
        "2025/2/30",
        "2023.2.29",
        "2025/13/01",
        "2025.7/23",
        "2025.7.23.1",
        "2025/7/23/4",
        "v2025.7.23",
        "12025/7/23",
        "1.2.3",
        "7/23",
        "23.7.2025",
        "1000/1/1",
    ]);
}

#[test]
fn short_era_dates() {
    use TokenKind::Date;
    let july = [
        "July 23, 2025",
        "2025年7月23日",
        "2025年7月23日",
        "2025년 7월 23일",
    ];
    check_renders(&[
        ("R7.7.23", Date, july),
        ("令和7.7.23", Date, july),
        ("Ｒ７．７．２３", Date, july),
        ("R7/7/23", Date, july),
        ("㋿7.7.23", Date, july),
        (
            "H31.4.30",
            Date,
            [
                "April 30, 2019",
                "2019年4月30日",
                "2019年4月30日",
                "2019년 4월 30일",
            ],
        ),
        (
            "S64.1.7",
            Date,
            [
                "January 7, 1989",
                "1989年1月7日",
                "1989年1月7日",
                "1989년 1월 7일",
            ],
        ),
        (
            "R7.7.23(水)",
            Date,
            [
                "Wednesday, July 23, 2025",
                "2025年7月23日（星期三）",
                "2025年7月23日（星期三）",
                "2025년 7월 23일(수)",
            ],
        ),
    ]);
    check_protects(&[("申込期限：R7.8.31まで", "申込期限：<p1/>まで", &["R7.8.31"])]);
    check_untouched(&[
        // Before the first day of Reiwa, and in the lunisolar years of Meiji.
        "R1.4.30",
        "M5.1.1",
        "R7.13.1",
        "R7.2.30",
        "R0.1.1",
        "AR7.7.23",
        "R7.7",
        "R7.7.23.5",
    ]);
}

#[test]
fn times_on_the_twelve_hour_clock() {
    use TokenKind::{Time, TimeRange};
    check_renders(&[
        (
            "午前10時から午後2時まで",
            TimeRange,
            [
                "10:00 a.m. – 2:00 p.m.",
                "上午10点至下午2点",
                "上午10點至下午2點",
                "오전 10시~오후 2시",
            ],
        ),
        (
            "午後2時〜4時半",
            TimeRange,
            [
                "2:00 p.m. – 4:30 p.m.",
                "下午2点至下午4点30分",
                "下午2點至下午4點30分",
                "오후 2시~오후 4시 30분",
            ],
        ),
        (
            "午前10時〜12時",
            TimeRange,
            [
                "10:00 a.m. – 12:00 p.m.",
                "上午10点至中午12点",
                "上午10點至中午12點",
                "오전 10시~오후 12시",
            ],
        ),
        (
            "午後2時",
            Time,
            ["2:00 p.m.", "下午2点", "下午2點", "오후 2시"],
        ),
        (
            "午前11時30分",
            Time,
            [
                "11:30 a.m.",
                "上午11点30分",
                "上午11點30分",
                "오전 11시 30분",
            ],
        ),
        (
            "午前0時",
            Time,
            ["12:00 a.m.", "上午12点", "上午12點", "오전 12시"],
        ),
        ("14時から16時まで", TimeRange, same("14:00–16:00")),
        ("9時から17時", TimeRange, same("9:00–17:00")),
    ]);
    check_protects(&[
        (
            "受付は午前10時から午後2時までです",
            "受付は<p1/>です",
            &["午前10時から午後2時まで"],
        ),
        ("14時から受付", "<p1/>から受付", &["14時"]),
    ]);
    // After 午前10時 a bare 3時 may be 3 a.m. or 3 p.m.: neither end is rendered.
    check_untouched(&["午前10時〜3時", "午後2時〜12時"]);
}

#[test]
fn times_standing_alone() {
    use TokenKind::Time;
    let row = |unit, s| (unit, Time, same(s));
    check_renders(&[
        row("14時", "14:00"),
        row("9時", "9:00"),
        row("０時", "0:00"),
        row("24時", "24:00"),
    ]);
    check_protects(&[
        (
            "開場は13時半、開始は14時です",
            "開場は<p1/>、開始は<p2/>です",
            &["13時半", "14時"],
        ),
        ("14時頃から", "<p1/>頃から", &["14時"]),
    ]);
    check_untouched(&["25時", "3時限目", "1時間", "14時<b1>30分</b1>"]);
}

#[test]
fn quantities() {
    use TokenKind::Quantity;
    check_renders(&[
        ("1万", Quantity, ["10,000", "1万", "1萬", "1만"]),
        (
            "3億円",
            Quantity,
            ["300 million yen", "3亿日元", "3億日圓", "3억 엔"],
        ),
        (
            "5千円",
            Quantity,
            ["5,000 yen", "5千日元", "5千日圓", "5천 엔"],
        ),
        (
            "1.5億円",
            Quantity,
            ["150 million yen", "1.5亿日元", "1.5億日圓", "1.5억 엔"],
        ),
        (
            "1億2千万円",
            Quantity,
            [
                "120 million yen",
                "1亿2千万日元",
                "1億2千萬日圓",
                "1억 2천만 엔",
            ],
        ),
        (
            "3万5千円",
            Quantity,
            ["35,000 yen", "3万5千日元", "3萬5千日圓", "3만 5천 엔"],
        ),
        (
            "1万5000円",
            Quantity,
            ["15,000 yen", "1万5000日元", "1萬5000日圓", "1만 5000 엔"],
        ),
        (
            "1,000万円",
            Quantity,
            ["10 million yen", "1,000万日元", "1,000萬日圓", "1,000만 엔"],
        ),
        (
            "１２３４万",
            Quantity,
            ["12.34 million", "1234万", "1234萬", "1234만"],
        ),
        ("2.5万", Quantity, ["25,000", "2.5万", "2.5萬", "2.5만"]),
        ("20億", Quantity, ["2 billion", "20亿", "20億", "20억"]),
        ("1億", Quantity, ["100 million", "1亿", "1億", "1억"]),
    ]);
    check_protects(&[
        ("1万人", "<p1/>人", &["1万"]),
        ("約3億円の予算", "約<p1/>の予算", &["3億円"]),
        ("定員1千人", "定員<p1/>人", &["1千"]),
    ]);
    check_untouched(&["1.23456万", "万一", "千円札", "2万3千4"]);
    for (unit, value) in [
        ("1万", 10_000),
        ("3億円", 300_000_000),
        ("1億2千万円", 120_000_000),
    ] {
        match one(unit).value {
            TokenValue::Quantity(q) => assert_eq!(q.value, value, "{unit}"),
            other => panic!("{unit}: {other:?}"),
        }
    }
}

#[test]
fn yen_amounts() {
    use TokenKind::Yen;
    check_renders(&[
        (
            "1,000円",
            Yen,
            ["¥1,000", "1,000日元", "1,000日圓", "1,000엔"],
        ),
        (
            "1000円",
            Yen,
            ["¥1,000", "1,000日元", "1,000日圓", "1,000엔"],
        ),
        (
            "１，０００円",
            Yen,
            ["¥1,000", "1,000日元", "1,000日圓", "1,000엔"],
        ),
        ("500円", Yen, ["¥500", "500日元", "500日圓", "500엔"]),
        ("0円", Yen, ["¥0", "0日元", "0日圓", "0엔"]),
        (
            "12,345,678円",
            Yen,
            [
                "¥12,345,678",
                "12,345,678日元",
                "12,345,678日圓",
                "12,345,678엔",
            ],
        ),
    ]);
    check_protects(&[(
        "参加費：3,000円（税込）",
        "参加費：<p1/>（税込）",
        &["3,000円"],
    )]);
    check_untouched(&["1.5円", "円", "A100円"]);
}

#[test]
fn percentages() {
    use TokenKind::Percent;
    let row = |unit, s| (unit, Percent, same(s));
    check_renders(&[
        row("50%", "50%"),
        row("3.5％", "3.5%"),
        row("１０％", "10%"),
        row("100 %", "100%"),
    ]);
    check_protects(&[("約30%の方", "約<p1/>の方", &["30%"])]);
    check_untouched(&["%", "A5%"]);
}

/// Generated units made of the pieces the newer formats are built from.
#[test]
fn generated_units_with_amounts_and_western_dates_round_trip() {
    const ATOMS: [&str; 32] = [
        "1", "2", "0", "７", "2025", "/", "．", ".", "-", ",", "万", "億", "千", "円", "%", "％",
        "午前", "午後", "時", "分", "から", "まで", "〜", "R", "H", "令和", "(", "水", ")", "<b1>",
        "</b1>", " ",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = next() % 16;
        let unit: String = (0..len)
            .map(|_| ATOMS[(next() % ATOMS.len() as u64) as usize])
            .collect();
        let p = protect(&unit);
        for n in 1..=p.tokens.len() {
            assert_eq!(p.text.matches(&placeholder(n)).count(), 1, "{unit:?}");
        }
        assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit);
        for lang in TARGETS {
            restore(&p.text, &p.tokens, lang).unwrap();
        }
    }
}

/// Every unit of every HTML fixture and of the announcement comes back exactly from its
/// protected form in Japanese.
#[test]
fn identity_round_trip_on_every_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html");
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let announcement = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/announcements/roukyou-online-seminar-2025"
    );
    for name in ["body.ja.html", "contact.ja.html"] {
        pages.push(std::fs::read_to_string(format!("{announcement}/{name}")).unwrap());
    }
    assert!(pages.len() >= 9);
    let mut units = 0;
    for html in &pages {
        for unit in crate::segment::segment(html).unwrap() {
            let p = protect(&unit.text);
            assert_eq!(restore(&p.text, &p.tokens, Ja).unwrap(), unit.text);
            for lang in TARGETS {
                restore(&p.text, &p.tokens, lang).unwrap();
            }
            units += 1;
        }
    }
    assert!(units > 100, "{units}");
}
