//! Script checks: a translation must be written in its target's script (the one its tag
//! names, see [`Lang::script`]). Kana left in the output of any target but Easy Japanese is
//! Japanese that was not translated (a provider that echoed a sentence or gave up halfway);
//! an English or Vietnamese translation without a Latin letter, a Korean one without Hangul,
//! a Chinese one without Han characters, a Thai one without Thai letters, a Burmese one
//! without Myanmar letters or a Nepali one without Devanagari is not in the language at all;
//! and a Traditional Chinese page in Simplified characters, or the reverse, is the other
//! language (providers confuse zh-TW and zh-CN, and a Japanese echo looks like either). A
//! target whose script the tag does not tell is checked for kana only.
//!
//! The Chinese check uses a short table of the commonest character pairs whose Simplified
//! form is never written in Traditional text and the other way round (no 台, 后, 里 or 面,
//! which both use). A translation is refused when characters of the wrong table are at least
//! a quarter of the table characters it has: one Simplified-looking character in a
//! Traditional name does not refuse a Traditional paragraph, a Simplified paragraph does.

use std::fmt;

use crate::i18n::{Lang, Script};

pub use crate::i18n::{is_han, is_kana};

pub fn is_hangul(c: char) -> bool {
    Script::Hangul.contains(c)
}

/// Letters of Japanese text: kana and kanji.
pub fn is_japanese_letter(c: char) -> bool {
    is_kana(c) || is_han(c)
}

/// Whether `target` writes `c` as it is: Han characters are Chinese too, kana are nobody's
/// but Japanese. For Easy Japanese, which keeps the Japanese script, a kanji word sent back
/// as it was has not been rewritten (every one gets its reading).
pub fn foreign_to(c: char, target: Lang) -> bool {
    match target.script() {
        Some(Script::SimplifiedHan | Script::TraditionalHan) => is_kana(c),
        Some(Script::Japanese) => target != Lang::Ja && is_han(c),
        _ => is_japanese_letter(c),
    }
}

/// Simplified-only and Traditional-only forms of the same characters.
const PAIRS: [(char, char); 96] = [
    ('们', '們'),
    ('这', '這'),
    ('个', '個'),
    ('时', '時'),
    ('会', '會'),
    ('国', '國'),
    ('说', '說'),
    ('对', '對'),
    ('发', '發'),
    ('学', '學'),
    ('经', '經'),
    ('动', '動'),
    ('劳', '勞'),
    ('区', '區'),
    ('业', '業'),
    ('务', '務'),
    ('关', '關'),
    ('与', '與'),
    ('为', '為'),
    ('门', '門'),
    ('问', '問'),
    ('间', '間'),
    ('开', '開'),
    ('见', '見'),
    ('长', '長'),
    ('现', '現'),
    ('进', '進'),
    ('还', '還'),
    ('过', '過'),
    ('体', '體'),
    ('参', '參'),
    ('费', '費'),
    ('员', '員'),
    ('职', '職'),
    ('传', '傳'),
    ('变', '變'),
    ('协', '協'),
    ('议', '議'),
    ('设', '設'),
    ('计', '計'),
    ('认', '認'),
    ('让', '讓'),
    ('请', '請'),
    ('读', '讀'),
    ('课', '課'),
    ('语', '語'),
    ('话', '話'),
    ('调', '調'),
    ('论', '論'),
    ('证', '證'),
    ('记', '記'),
    ('详', '詳'),
    ('询', '詢'),
    ('报', '報'),
    ('场', '場'),
    ('实', '實'),
    ('点', '點'),
    ('东', '東'),
    ('车', '車'),
    ('转', '轉'),
    ('书', '書'),
    ('买', '買'),
    ('卖', '賣'),
    ('资', '資'),
    ('图', '圖'),
    ('园', '園'),
    ('团', '團'),
    ('应', '應'),
    ('总', '總'),
    ('级', '級'),
    ('线', '線'),
    ('组', '組'),
    ('结', '結'),
    ('给', '給'),
    ('约', '約'),
    ('网', '網'),
    ('络', '絡'),
    ('续', '續'),
    ('维', '維'),
    ('电', '電'),
    ('机', '機'),
    ('气', '氣'),
    ('边', '邊'),
    ('达', '達'),
    ('选', '選'),
    ('运', '運'),
    ('钟', '鐘'),
    ('银', '銀'),
    ('题', '題'),
    ('预', '預'),
    ('领', '領'),
    ('页', '頁'),
    ('须', '須'),
    ('层', '層'),
    ('乐', '樂'),
    ('码', '碼'),
];

/// What is wrong with a translation's script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptProblem {
    /// Kana in the output: Japanese left untranslated (the first few characters of it).
    Kana(String),
    /// No letter of the target's script at all.
    Missing(Lang),
    /// Simplified characters in a Traditional translation, or the reverse.
    WrongChinese { found: String, target: Lang },
}

impl fmt::Display for ScriptProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScriptProblem::Kana(sample) => {
                write!(
                    f,
                    "Japanese kana left in the translation (\u{201c}{sample}\u{201d})"
                )
            }
            ScriptProblem::Missing(lang) => {
                let script = lang.script().map_or("letter of its language", Script::name);
                write!(f, "the translation has no {script}")
            }
            ScriptProblem::WrongChinese { found, target } => {
                let (wrong, right) = match target.script() {
                    Some(Script::TraditionalHan) => ("Simplified", "Traditional"),
                    _ => ("Traditional", "Simplified"),
                };
                write!(
                    f,
                    "{wrong} characters ({found}) in a {right} Chinese translation"
                )
            }
        }
    }
}

/// Checks `translation` (plain text) against the script of `target`; `judged` says the
/// source had enough Japanese for the translation to need the target's own letters.
pub fn check(translation: &str, target: Lang, judged: bool) -> Result<(), ScriptProblem> {
    let script = target.script();
    let japanese = script == Some(Script::Japanese);
    if let Some(at) = translation.find(is_kana).filter(|_| !japanese) {
        let sample: String = translation
            .get(at..)
            .unwrap_or_default()
            .chars()
            .take_while(|&c| is_kana(c) || is_han(c))
            .take(12)
            .collect();
        return Err(ScriptProblem::Kana(sample));
    }
    if !judged {
        return Ok(());
    }
    let present = match script {
        Some(script) => translation.chars().any(|c| script.contains(c)),
        None => true,
    };
    if !present {
        return Err(ScriptProblem::Missing(target));
    }
    if let Some(chinese @ (Script::SimplifiedHan | Script::TraditionalHan)) = script {
        let simplified = |c: char| PAIRS.iter().any(|&(s, _)| s == c);
        let traditional = |c: char| PAIRS.iter().any(|&(_, t)| t == c);
        let (wrong, right): (Vec<char>, usize) = if chinese == Script::TraditionalHan {
            (
                translation.chars().filter(|&c| simplified(c)).collect(),
                translation.chars().filter(|&c| traditional(c)).count(),
            )
        } else {
            (
                translation.chars().filter(|&c| traditional(c)).collect(),
                translation.chars().filter(|&c| simplified(c)).count(),
            )
        };
        if !wrong.is_empty() && wrong.len() * 3 >= right {
            let mut found: Vec<char> = wrong;
            found.dedup();
            return Err(ScriptProblem::WrongChinese {
                found: found.into_iter().take(6).collect(),
                target,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    #[allow(non_upper_case_globals)]
    const En: Lang = Lang::En;
    #[allow(non_upper_case_globals)]
    const Ko: Lang = Lang::Ko;
    #[allow(non_upper_case_globals)]
    const ZhHans: Lang = Lang::ZhHans;
    #[allow(non_upper_case_globals)]
    const ZhHant: Lang = Lang::ZhHant;

    #[test]
    fn kana_is_refused_in_every_target() {
        for lang in [En, ZhHans, ZhHant, Ko] {
            let err = check("Seminar のご案内", lang, true).unwrap_err();
            assert_eq!(err, ScriptProblem::Kana("のご案内".into()), "{lang:?}");
            assert!(err.to_string().contains("のご案内"));
        }
        // The middle dot and the long-vowel mark are not kana.
        check("雇用环境・均等局", ZhHans, true).unwrap();
        check("고용환경・균등국", Ko, true).unwrap();
        // Short or not, kana is Japanese.
        check("ホーム", En, false).unwrap_err();
    }

    #[test]
    fn the_target_script_must_be_there() {
        assert_eq!(check("string", Ko, true), Err(ScriptProblem::Missing(Ko)));
        assert_eq!(
            check("厚生労働省", En, true),
            Err(ScriptProblem::Missing(En))
        );
        assert_eq!(
            check("string", ZhHans, true),
            Err(ScriptProblem::Missing(ZhHans))
        );
        check("후생노동성", Ko, true).unwrap();
        check("NPO 법인", Ko, true).unwrap();
        // Not judged: a unit of Latin text may stay Latin.
        check("URL", Ko, false).unwrap();
    }

    fn lang(tag: &str) -> Lang {
        Lang::parse(tag).unwrap()
    }

    #[test]
    fn the_new_targets_need_their_own_script() {
        for (tag, good, other) in [
            ("th", "สัมมนาออนไลน์", "online seminar"),
            ("my", "အွန်လိုင်းဆွေးနွေးပွဲ", "online seminar"),
            ("ne", "अनलाइन गोष्ठी", "online seminar"),
            ("vi", "Hội thảo trực tuyến", "オンラインセミナー"),
            ("pt-BR", "Seminário on-line", "สัมมนา"),
            ("es", "Seminario en línea", "세미나"),
            ("id", "Seminar daring", "研讨会"),
            ("fil", "Online na seminar", "семинар"),
        ] {
            check(good, lang(tag), true).unwrap();
            assert!(check(other, lang(tag), true).is_err(), "{tag}: {other}");
        }
        // A Latin-script target must not keep kana, judged or not.
        for tag in ["vi", "pt-BR", "es", "id", "fil", "de"] {
            assert!(matches!(
                check("Seminário のご案内", lang(tag), false),
                Err(ScriptProblem::Kana(_))
            ));
        }
        let err = check("online seminar", lang("th"), true).unwrap_err();
        assert_eq!(err.to_string(), "the translation has no Thai letter");
        // A script the tag does not tell: only kana is refused.
        check("anything", lang("qad"), true).unwrap();
        assert!(check("のご案内", lang("qad"), true).is_err());
    }

    #[test]
    fn easy_japanese_is_japanese_script() {
        check("セミナー（せみなー）を　します。", Lang::JaEasy, true).unwrap();
        assert_eq!(
            check("online seminar", Lang::JaEasy, true),
            Err(ScriptProblem::Missing(Lang::JaEasy))
        );
        // A kanji word sent back as it was is no rewrite; kana alone is.
        assert!(foreign_to('参', Lang::JaEasy));
        assert!(!foreign_to('さ', Lang::JaEasy));
        assert!(!foreign_to('参', Lang::Ja));
    }

    #[test]
    fn simplified_and_traditional_are_told_apart() {
        check("劳动者协同组合相关线上研讨会", ZhHans, true).unwrap();
        check("勞動者協同組合相關線上研討會", ZhHant, true).unwrap();
        let err = check("劳动者协同组合相关线上研讨会", ZhHant, true).unwrap_err();
        assert!(matches!(err, ScriptProblem::WrongChinese { .. }), "{err:?}");
        assert!(err.to_string().contains("Simplified"), "{err}");
        // A Japanese echo has Japanese forms: 課 and 語 are Traditional, 会 Simplified.
        check("勤労者生活課", ZhHans, true).unwrap_err();
        check("説明会", ZhHant, true).unwrap_err();
        // One stray form among many of the right table passes.
        check(
            "舉辦勞動者協同組合相關線上研討會，請參加，詳細資訊见網站",
            ZhHant,
            true,
        )
        .unwrap();
    }
}
