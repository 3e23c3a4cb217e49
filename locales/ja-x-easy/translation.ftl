# やさしい日本語 (Easy Japanese) (ja-x-easy). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
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

disclaimer-heading = この ページに ついて
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = この ページは、もとの 日本語（にほんご）を、コンピューター（{ $providers }）が やさしい日本語（にほんご）に 書（か）きかえました。次（つぎ）の ことを 読（よ）んでから 使（つか）ってください。
disclaimer-reviewed =
    { $reviewed ->
        [0] この ページの 文（ぶん）は、まだ 人（ひと）が 見（み）ていません。
       *[other] この ページの { $passages }この 文（ぶん）のうち、{ $reviewed }こを 人（ひと）が 見（み）ました。
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = コンピューターが 最後（さいご）に 書（か）きかえた 日（ひ）：{ $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = この ページに ついて
disclaimer-intro-human = この ページは、もとの 日本語（にほんご）を、人（ひと）が やさしい日本語（にほんご）に 書（か）きかえました。ぜんぶの 文（ぶん）を 人（ひと）が 見（み）ました。
disclaimer-text-only = 書（か）きかえたのは、この ページの 文字（もじ）だけです。絵（え）や 写真（しゃしん）の 中（なか）の 文字（もじ）は、書（か）きかえていません。
disclaimer-accuracy = コンピューターが 書（か）きかえたので、まちがいが あるかもしれません。
disclaimer-speed = この ページは、日本語（にほんご）の ページより、出（で）るまでに 少（すこ）し 時間（じかん）が かかることが あります。
disclaimer-authoritative = 正（ただ）しいのは、もとの 日本語（にほんご）の ページです。
disclaimer-original-link = もとの 日本語（にほんご）を 見（み）る

notice-translation-pending-heading = いま 準備（じゅんび）を しています
notice-translation-pending = この ページは、まだ やさしい日本語（にほんご）に なっていません。下（した）に もとの 日本語（にほんご）が あります。
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = この ページは、いま やさしい日本語（にほんご）に 書（か）きかえています。いまは もとの 日本語（にほんご）を 出（だ）しています。できた 文（ぶん）から 順番（じゅんばん）に 出（で）ます。

notice-partial-translation = この ページには、まだ やさしい日本語（にほんご）に なっていない ところが あります。そこは、もとの 日本語（にほんご）の ままです。
notice-partial-pending = まだ 書（か）きかえている 文（ぶん）が あります。その 文（ぶん）は、いまは もとの 日本語（にほんご）です。できたら ここに 出（で）ます。
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = この 文（ぶん）の もとの 日本語（にほんご）と、まちがいを 知（し）らせる ところ
passage-original-label = もとの 日本語（にほんご）
origin-machine = コンピューターが 書（か）きかえました
origin-bundled = 人（ひと）が 見（み）ました
origin-translator = 人（ひと）が 書（か）きかえました
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = （やさしい日本語（にほんご）では ありません）
