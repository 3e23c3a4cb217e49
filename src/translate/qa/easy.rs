//! Easy Japanese's own check: the guidelines' first rule is short sentences, one piece of
//! information each, so a rewrite whose sentences are as long as the source's has not done
//! what it was asked. Sentences are cut at 。！？ (and their ASCII forms and line breaks);
//! their length is counted in characters without spaces (Easy Japanese often separates
//! words) and without readings in brackets (住民税（じゅうみんぜい）counts as 住民税), which
//! the rewrite adds and the source never has. The rewrite's sentences must average at most
//! three quarters of the source's: trimming a word off a long sentence is not splitting it.
//! Only sources whose sentences are long enough to be worth splitting are judged: a heading
//! or a short sentence may stay as it is.

use super::script::is_kana;

/// Sources whose sentences average fewer characters than this are not judged.
pub const MIN_JUDGED_MEAN: usize = 40;

/// Whether a bracketed text is a reading: kana (and the long-vowel mark, the middle dot and
/// spaces) only.
fn is_reading(content: &str) -> bool {
    !content.is_empty()
        && content
            .chars()
            .all(|c| is_kana(c) || matches!(c, 'ー' | '・' | ' ' | '\u{3000}'))
}

/// The text without its bracketed readings.
fn without_readings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['（', '(']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let open_len = from.chars().next().map_or(1, char::len_utf8);
        let after_open = from.get(open_len..).unwrap_or_default();
        match after_open.find(['）', ')']) {
            Some(close) if is_reading(after_open.get(..close).unwrap_or_default()) => {
                let close_len = after_open
                    .get(close..)
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
                rest = after_open.get(close + close_len..).unwrap_or_default();
            }
            _ => {
                out.push_str(from.get(..open_len).unwrap_or_default());
                rest = after_open;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The mean length of the sentences of `plain`, readings and spaces not counted; `None`
/// for text without any.
pub fn mean_sentence_length(plain: &str) -> Option<usize> {
    let text = without_readings(plain);
    let lengths: Vec<usize> = text
        .split(['。', '！', '？', '!', '?', '\n'])
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).count())
        .filter(|&n| n > 0)
        .collect();
    let total: usize = lengths.iter().sum();
    (!lengths.is_empty()).then(|| total / lengths.len())
}

/// Refuses, as (source mean, output mean), a rewrite whose sentences average more than
/// three quarters of those of a source long enough to judge.
pub fn check(source_plain: &str, output_plain: &str) -> Result<(), (usize, usize)> {
    let Some(source) = mean_sentence_length(source_plain) else {
        return Ok(());
    };
    if source < MIN_JUDGED_MEAN {
        return Ok(());
    }
    let output = mean_sentence_length(output_plain).unwrap_or(0);
    if output * 4 <= source * 3 {
        Ok(())
    } else {
        Err((source, output))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const LONG: &str = "令和7年度初回となる7月開催回では、日々、地域課題の解決や地域づくりに向き合っている市町村職員の皆さまに向けて、労働者協同組合が地域課題解決や地域づくりの一助になることについて解説いたします。";

    #[test]
    fn readings_and_spaces_do_not_count() {
        assert_eq!(
            without_readings("住民税（じゅうみんぜい）を払（はら）います（大切）"),
            "住民税を払います（大切）"
        );
        assert_eq!(mean_sentence_length("ab。 cd ef。"), Some(3));
        assert_eq!(mean_sentence_length(""), None);
    }

    #[test]
    fn long_sentences_must_be_split() {
        let split = "7月（しちがつ）に　セミナーが　あります。市町村（しちょうそん）の　人に　話（はな）します。労働者協同組合（ろうどうしゃきょうどうくみあい）は　地域（ちいき）の　役（やく）に　立（た）ちます。";
        assert_eq!(check(LONG, split), Ok(()));
        let source = mean_sentence_length(LONG).unwrap();
        assert!(matches!(check(LONG, LONG), Err((s, o)) if s == source && o == source));
        let one_long = "令和7年度の初めての7月のセミナーでは、毎日、地域の問題の解決や地域づくりをしている市町村の職員の人に、労働者協同組合が地域の問題の解決や地域づくりに役に立つことを説明します。";
        assert!(check(LONG, one_long).is_err());
    }

    #[test]
    fn short_sources_are_not_judged() {
        assert_eq!(
            check("参加費は無料です。", "おかねは　いりません。ただです。"),
            Ok(())
        );
        assert_eq!(check("3.参加費", "3.参加費（さんかひ）"), Ok(()));
    }
}
