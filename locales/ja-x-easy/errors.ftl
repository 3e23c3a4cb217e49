# やさしい日本語 (Easy Japanese) (ja-x-easy). Error pages and the messages behind the stable error codes of the API.
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

error-not-found-title = ページが ありません
error-not-found-body = さがしている ページは ありませんでした。アドレスを もう一度（いちど） 見（み）てください。
error-unsupported-language = 「{ $code }」の ことばは ありません。ある ことば：{ $supported }
error-bad-request-title = できませんでした
error-bad-request-body = 送（おく）ったものに まちがいが あります。
error-payload-too-large = 送（おく）ったものが 大（おお）きすぎます。{ $limit }までに してください。
error-method-not-allowed-title = これは できません
error-method-not-allowed-body = この アドレスでは、この やり方（かた）は 使（つか）えません。
error-internal-title = サーバーで まちがいが ありました
error-internal-body = いま、少（すこ）し 問題（もんだい）が あります。あとで もう一度（いちど） してください。
error-back-home = ホームに もどる
error-invalid-request = 送（おく）ったものに まちがいが あります：{ $detail }
error-unsupported-media-type = この Content-Type は 使（つか）えません。application/json か text/html で 送（おく）ってください。
error-unauthorized = 正（ただ）しい APIキーが いります。Authorization: Bearer か X-Api-Key の ヘッダーで 送（おく）ってください。
error-origin-not-allowed = この APIキーは、この オリジンからは 使（つか）えません。
error-rate-limited = 送（おく）る 数（かず）が 多（おお）すぎます。Retry-After の 秒数（びょうすう） 待（ま）ってから、もう一度（いちど） してください。
error-budget-exhausted = 今日（きょう） 翻訳（ほんやく）できる 文字（もじ）の 数（かず）を ぜんぶ 使（つか）いました。Retry-After の 秒数（びょうすう）の あとで、もう一度（いちど） してください。
error-proxy-not-allowed = この アドレスは 翻訳（ほんやく）できません。翻訳（ほんやく）できるのは、厚生労働省（こうせいろうどうしょう）の サイトの ページだけです。
error-upstream-failed = もとの サイトに つながりませんでした。または、もとの サイトで まちがいが ありました。あとで もう一度（いちど） してください。
error-upstream-timeout = もとの サイトから 返事（へんじ）が ありませんでした。あとで もう一度（いちど） してください。
error-not-logged-in = はじめに ログインしてください。翻訳者（ほんやくしゃ）の トークンを Authorization: Bearer の ヘッダーで 送（おく）るか、翻訳者（ほんやくしゃ）の エディターに ログインしてください。
error-forbidden = これは できません：{ $detail }
error-csrf-failed = この フォームは 古（ふる）いか、エディターから 送（おく）られていません。ページを もう一度（いちど） 読（よ）みこんでから、してください。
error-version-conflict = ほかの 人（ひと）が、この 文（ぶん）を 先（さき）に 変（か）えました（いまは バージョン { $version }）。もう一度（いちど） 読（よ）みこんで、変（か）わったところを 見（み）てから、保存（ほぞん）してください。
error-precondition-required = ほかの 人（ひと）が 変（か）えたところを 消（け）さないように、変（か）える バージョンを If-Match の ヘッダーで 送（おく）ってください。
error-qa-failed = 保存（ほぞん）できませんでした：{ $detail }
error-conflict = これは できません：{ $detail }
error-busy = データベースが いま いそがしいです。何（なに）も 保存（ほぞん）していません。少（すこ）し あとで もう一度（いちど） してください。

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = 文（ぶん）が ありません。コンピューターの 文（ぶん）に もどすときは、「もとに もどす」を 使（つか）ってください。
qa-missing-placeholder = { $placeholder } が ありません。もとの 文（ぶん）の プレースホルダーは ぜんぶ 残（のこ）してください：{ $detail }
qa-placeholder = プレースホルダーが もとの 文（ぶん）と 同（おな）じでは ありません（{ $detail }）。
qa-missing-protected = そのまま 残（のこ）す 文字（もじ）が ありません：{ $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = サービスから 何（なに）も 返（かえ）って きませんでした
qa-refused-token = もとの 日本語（にほんご）の 日（ひ）にち・番号（ばんごう）・住所（じゅうしょ）など（プレースホルダー { $placeholder }）が、1回（かい）だけ 返（かえ）って きませんでした
qa-refused-markup = マークアップが もとの 日本語（にほんご）と 同（おな）じに 返（かえ）って きませんでした：{ $detail }
qa-refused-number-changed = 数字（すうじ） { $expected } が { $found } に 変（か）わりました
qa-refused-number-missing = 数字（すうじ） { $expected } が ありません
qa-refused-echo = サービスが もとの 日本語（にほんご）を そのまま 返（かえ）しました
qa-refused-script-kana = 日本語（にほんご）が 残（のこ）っています（「{ $sample }」）
qa-refused-script-missing = この ことばの 文字（もじ）で 書（か）かれていません
qa-refused-script-chinese = もう一（ひと）つの 中国語（ちゅうごくご）の 文字（もじ）が 使（つか）われています（{ $found }）
qa-refused-lost = かっこの 中（なか）の 文（ぶん） { $phrase } が ありません
qa-refused-length = 文（ぶん）の 長（なが）さが もとの { $ratio } 倍（ばい）で、{ $min }〜{ $max } 倍（ばい）の 中（なか）に 入（はい）っていません
qa-refused-batch = ちがう { $sources }この 文（ぶん）が、同（おな）じ 文（ぶん）（「{ $output }」）に なって 返（かえ）って きました
qa-refused-sentences = 文（ぶん）が もとの 日本語（にほんご）より 短（みじか）く なっていません（平均（へいきん） { $found }文字（もじ）、もとは { $expected }文字（もじ））
