//! The gate on the examples of issue 16 and one case per reason.

use super::*;
#[allow(non_upper_case_globals)]
const En: Lang = Lang::En;
#[allow(non_upper_case_globals)]
const Ko: Lang = Lang::Ko;
#[allow(non_upper_case_globals)]
const ZhHans: Lang = Lang::ZhHans;
#[allow(non_upper_case_globals)]
const ZhHant: Lang = Lang::ZhHant;

fn gate(source: &str, machine: &str, to: Lang) -> Result<String, QaError> {
    let protected = protect::protect(source);
    qa_gate(source, &protected, machine, to)
}

#[test]
fn changed_digits_in_free_text_are_refused() {
    let source = "識別番号 7-4-15（仮名：メメちゃん）";
    let err = gate(source, "ID number 8-5-26 (alias: Meme-chan)", En).unwrap_err();
    assert_eq!(err.code(), "number");
    assert_eq!(err.to_string(), "number 7-4-15 became 8-5-26");
    gate(source, "ID number 7-4-15 (alias: Meme-chan)", En).unwrap();
    let err = gate("全5回", "six sessions (6)", En).unwrap_err();
    assert_eq!(err.to_string(), "number 5 became 6");
}

#[test]
fn slash_dates_are_protected_so_mt_cannot_change_them() {
    let source = "最終更新日：2019/02/22";
    let protected = protect::protect(source);
    assert_eq!(protected.text, "最終更新日：<p1/>");
    assert_eq!(
        qa_gate(source, &protected, "Last updated: <p1/>", En).unwrap(),
        "Last updated: February 22, 2019"
    );
    // Changing the placeholder is refused like any lost token.
    let err = qa_gate(source, &protected, "Last updated: <p2/>", En).unwrap_err();
    assert_eq!(err.code(), "token");
}

#[test]
fn lost_bracketed_text_is_refused() {
    let source = "[Android端末の場合]";
    let err = gate(source, "[] Please see the notes below", En).unwrap_err();
    assert_eq!(err.code(), "lost");
    assert_eq!(
        err.to_string(),
        "the bracketed text [Android端末の場合] is missing from the translation"
    );
    let err = gate(source, "Please see the notes below", En).unwrap_err();
    assert_eq!(err.code(), "lost");
    gate(source, "[For Android devices]", En).unwrap();
}

#[test]
fn junk_is_refused() {
    let source =
        "地域課題の解決や地域づくりにご関心のある方々にもお役に立てる情報となっております。";
    let err = gate(source, "\"string\"", En).unwrap_err();
    assert_eq!(err.code(), "length", "{err}");
    assert!(err.to_string().contains("too short"), "{err}");
    let err = gate(source, "string", Ko).unwrap_err();
    assert_eq!(err.code(), "script");
    assert_eq!(err.to_string(), "the translation has no Hangul");
    gate(
        source,
        "The information will also be useful to anyone interested in solving local challenges.",
        En,
    )
    .unwrap();
    // With a number in it, the number is what is missing first.
    let err = gate(
        "7月開催回は主に市町村職員の方向けの内容です。",
        "string",
        En,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "number 7 is missing");
}

#[test]
fn untranslated_echo_is_refused() {
    let source = "<b1>参加費</b1>は無料です。";
    let err = gate(source, "<b1>参加費</b1>は無料です。", En).unwrap_err();
    assert_eq!(err.code(), "echo");
    // Also when the provider sent it back with a prefix: kana are Japanese.
    let err = gate(source, "[MT] <b1>参加費</b1>は無料です。", En).unwrap_err();
    assert_eq!(err.code(), "script");
    assert!(err.to_string().contains("は無料です"), "{err}");
    // A name in kanji may be the same in Chinese.
    gate("小林 淳", "小林 淳", ZhHans).unwrap();
    assert_eq!(gate("小林 淳", "小林 淳", En).unwrap_err().code(), "echo");
    // Text without Japanese is not an echo.
    gate("(1)", "(1)", Ko).unwrap();
}

#[test]
fn wrong_chinese_script_is_refused() {
    let source = "労働者協同組合に係るオンラインセミナー(全5回)を開催します";
    let err = gate(source, "举办劳动者协同组合相关线上研讨会（共5场）", ZhHant).unwrap_err();
    assert_eq!(err.code(), "script");
    gate(source, "舉辦勞動者協同組合相關線上研討會（共5場）", ZhHant).unwrap();
    gate(source, "举办劳动者协同组合相关线上研讨会（共5场）", ZhHans).unwrap();
}

#[test]
fn every_reason_reads_as_words() {
    let cases = [
        (
            gate("お知らせ", "  ", En),
            "empty",
            "the translation is empty",
        ),
        (
            gate("電話 03-5253-1111", "Phone", En),
            "token",
            "a date, number or address of the Japanese (placeholder <p1/>) is missing",
        ),
        (
            gate("<b1>a</b1><b2>b</b2>あ", "<b1>a<b2>b</b2></b1>x", En),
            "markup",
            "the markup <b2>…</b2> moved from outside any other markup to inside <b1>…</b1>",
        ),
        (
            gate("<b1>申込み</b1>はこちら", "Apply here", En),
            "markup",
            "the markup <b1>…</b1> of the Japanese is missing",
        ),
    ];
    for (result, code, message) in cases {
        let err = result.unwrap_err();
        assert_eq!(err.code(), code);
        assert_eq!(err.to_string(), message);
        assert!(!err.to_string().contains("Some("), "{err}");
    }
    for code in QaError::CODES {
        assert!(code.chars().all(|c| c.is_ascii_lowercase()));
    }
}

#[test]
fn a_batch_of_one_answer_is_refused_whole() {
    let units = [
        ("労働者協同組合とは", "string"),
        ("オンラインにて実施", "string"),
        ("参加費は無料です", "string"),
        ("(1)", "(1)"),
    ];
    let err = batch(&units).unwrap();
    assert_eq!(err.code(), "batch");
    assert_eq!(
        err.to_string(),
        "3 different sentences of the batch all came back as \u{201c}string\u{201d}"
    );
    // Two sources that mean the same, in a page of many: not junk.
    let mut honest: Vec<(String, String)> = vec![
        ("お問い合わせ".into(), "Contact".into()),
        ("問い合わせ先".into(), "Contact".into()),
        ("連絡先一覧".into(), "Contact".into()),
    ];
    for i in 0..20 {
        honest.push((format!("第{i}回のお知らせ"), format!("Notice {i}")));
    }
    let pairs: Vec<(&str, &str)> = honest
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(batch(&pairs), None);
    // The same source twice is one source.
    assert_eq!(
        batch(&[("お知らせ", "x"), ("お知らせ", "x"), ("ホーム", "x")]),
        None
    );
}

#[test]
fn refusals_are_counted_by_reason_and_language() {
    let counts = Refusals::default();
    counts.record(&QaError::Echo, En);
    counts.record(&QaError::Echo, En);
    counts.record(&QaError::Empty, Ko);
    assert_eq!(counts.snapshot(), vec![("empty", Ko, 1), ("echo", En, 2)]);
}

#[test]
fn a_unit_of_tokens_alone_needs_no_letter_of_the_target() {
    // Thai renders dates and extensions in ISO forms: nothing Thai in them,
    // and nothing for the provider to translate either.
    let th = Lang::parse("th").unwrap();
    let source = "令和7年7月23日(水)14時00分〜16時00分";
    assert_eq!(
        gate(source, &protect::protect(source).text, th).unwrap(),
        "2025-07-23 14:00–16:00"
    );
    gate("03-5253-1111(内線5520)", "<p1/><p2/>", th).unwrap();
    // Free Japanese text still needs the target's script.
    let err = gate("参加費は無料です", "free", th).unwrap_err();
    assert_eq!(err.code(), "script");
}

#[test]
fn a_batch_of_token_only_units_is_no_junk() {
    let dates: Vec<String> = [
        "令和7年7月23日(水)",
        "令和7年9月27日(土)",
        "令和8年1月21日(水)",
    ]
    .iter()
    .map(|d| protect::protect(d).text)
    .collect();
    let units: Vec<(&str, &str)> = dates.iter().map(|d| (d.as_str(), "<p1/>")).collect();
    assert_eq!(batch(&units), None);
}

#[test]
fn easy_japanese_keeps_tokens_and_numbers_and_shortens_sentences() {
    let source = "令和7年度初回となる7月開催回では、日々、地域課題の解決や地域づくりに向き合っている市町村職員の皆さまに向けて、労働者協同組合が地域課題解決や地域づくりの一助になることについて解説いたします。";
    let protected = protect::protect(source);
    let rewrite = protected
        .text
        .replace("、日々、", "。毎日（まいにち）、")
        .replace("に向けて、", "に向けて話（はな）します。");
    assert!(rewrite.contains("<p1/>"), "{rewrite}");
    let err = qa_gate(source, &protected, &protected.text, Lang::JaEasy).unwrap_err();
    assert_eq!(err.code(), "echo");
    let err = qa_gate(
        source,
        &protected,
        &format!("{}（かいせつ）", protected.text),
        Lang::JaEasy,
    )
    .unwrap_err();
    assert_eq!(err.code(), "sentences");
    let out = qa_gate(source, &protected, &rewrite, Lang::JaEasy).unwrap();
    assert!(out.starts_with("2025年度（令和7年度）"), "{out}");
    // A changed number is refused in Easy Japanese as anywhere.
    let err = qa_gate(
        source,
        &protected,
        &rewrite.replace("7月", "8月"),
        Lang::JaEasy,
    )
    .unwrap_err();
    assert_eq!(err.code(), "number");
    // English left in the rewrite is not Japanese script... but kana is fine.
    let err = gate("参加費は無料です", "The fee is free", Lang::JaEasy).unwrap_err();
    assert_eq!(err.code(), "script");
}
