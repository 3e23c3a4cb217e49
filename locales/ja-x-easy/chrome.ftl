# やさしい日本語 (Easy Japanese) (ja-x-easy). Page chrome: header, language switcher, breadcrumb, footer, the report form.
#
# How these strings were written and checked: written from the Japanese
# strings (locales/ja) by the language model that wrote this change, following
# the national guidelines 在留支援のためのやさしい日本語ガイドライン (2020) as summarised in
# README.md: short sentences ending in です or ます, everyday words, no
# honorifics, the reading of each kanji word in brackets the first time it
# appears in a message (住所（じゅうしょ）), and Western years; then checked by reading
# each string against those rules once more. The messages of the translators'
# APIs (error-*, qa-*) keep their technical words. The guidelines' third step,
# checking with readers or a teacher of Japanese, has not been done yet.
#
# Most in need of a native speaker's review: every string, by a teacher of
# Japanese as a second language or by readers, as the guidelines ask; first
# disclaimer-intro, disclaimer-accuracy, disclaimer-authoritative, notice-
# translation-pending and report-privacy.

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = 厚生労働省（こうせいろうどうしょう）
site-section = お知（し）らせ
skip-to-content = 本文（ほんぶん）へ すすむ

switcher-label = ことば
switcher-title-ja = 日本語（にほんご）
switcher-title-en = 英語（えいご）
switcher-title-zh-Hans = 中国語（ちゅうごくご）（簡体字（かんたいじ））
switcher-title-zh-Hant = 中国語（ちゅうごくご）（繁体字（はんたいじ））
switcher-title-ko = 韓国語（かんこくご）
switcher-title-vi = ベトナム語（ご）
switcher-title-fil = フィリピン語（ご）
switcher-title-pt-BR = ポルトガル語（ご）（ブラジル）
switcher-title-ne = ネパール語（ご）
switcher-title-id = インドネシア語（ご）
switcher-title-my = ミャンマー語（ご）
switcher-title-th = タイ語（ご）
switcher-title-es = スペイン語（ご）
switcher-title-ja-x-easy = やさしい日本語（にほんご）

breadcrumb-label = いま いる ところ
breadcrumb-home = ホーム
breadcrumb-press = お知（し）らせ
breadcrumb-press-releases = 報道発表（ほうどうはっぴょう）

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年（ねん）{ $month }月（がつ）

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $year }年（ねん）{ $month }月（がつ）{ $day }日（にち）

page-published = 出（だ）した 日（ひ）：{ date-year-month }
page-bureau = 担当（たんとう）：{ $bureau }
contact-heading = 問（と）い合（あ）わせ

index-title = お知（し）らせ
index-intro = 厚生労働省（こうせいろうどうしょう）の お知（し）らせです。どの ページも、もとの 日本語（にほんご）と、ほかの ことばで 読（よ）むことが できます。

footer-service = この サイトは、honyaku という 翻訳（ほんやく）の サービスが 出（だ）しています。
footer-original-note = 書（か）きかえた ページより、もとの 日本語（にほんご）の ページが 正（ただ）しいです。

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = まちがいを 知（し）らせる
report-intro = この 文（ぶん）の どこが まちがっているか、教（おし）えてください。翻訳（ほんやく）を する 人（ひと）が、ぜんぶ 読（よ）みます。
report-original-label = もとの 日本語（にほんご）
report-translation-label = いまの 文（ぶん）
report-message-label = どこが まちがっていますか（{ $max }文字（もじ）まで）
report-privacy = 名前（なまえ）や メールアドレスは 書（か）かないでください。送（おく）った 人（ひと）の ことは、何（なに）も 残（のこ）しません（IPアドレス、名前（なまえ）、メールアドレスも 残（のこ）しません）。
report-honeypot-label = ここには 何（なに）も 書（か）かないでください
report-submit = 送（おく）る
report-back = もとの 文（ぶん）に もどる
report-thanks-title = ありがとうございました
report-thanks-body = 受（う）け取（と）りました。翻訳（ほんやく）を する 人（ひと）が、この 文（ぶん）を 見（み）ます。
report-thanks-your-message = あなたが 書（か）いたこと
report-error-empty = まちがいを 書（か）いてから 送（おく）ってください。
report-error-too-long = いま { $count }文字（もじ）です。{ $max }文字（もじ）までに してください。
report-error-control = 使（つか）えない 文字（もじ）が 入（はい）っています。消（け）してから、もう一度（いちど） 送（おく）ってください。
report-rate-limited = 短（みじか）い 時間（じかん）に、たくさん 送（おく）られました。{ $minutes }分（ふん）ぐらい たってから、もう一度（いちど） 送（おく）ってください。
