# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml);
# the title attributes below name each language in the reader's own language.

site-name = 厚生労働省
site-section = 報道発表資料
skip-to-content = 本文へ移動

switcher-label = 言語切替
switcher-title-ja = 日本語
switcher-title-en = 英語
switcher-title-zh-Hans = 中国語（簡体字）
switcher-title-zh-Hant = 中国語（繁体字）
switcher-title-ko = 韓国語
switcher-title-vi = ベトナム語
switcher-title-fil = フィリピン語
switcher-title-pt-BR = ポルトガル語（ブラジル）
switcher-title-ne = ネパール語
switcher-title-id = インドネシア語
switcher-title-my = ミャンマー語
switcher-title-th = タイ語
switcher-title-es = スペイン語
switcher-title-ja-x-easy = やさしい日本語

breadcrumb-label = 現在位置
breadcrumb-home = ホーム
breadcrumb-press = 報道・広報
breadcrumb-press-releases = 報道発表資料

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年{ $month }月

date-full = { $year }年{ $month }月{ $day }日

page-published = 発表：{ date-year-month }
page-bureau = 担当：{ $bureau }
contact-heading = 照会先

index-title = 報道発表資料
index-intro = 厚生労働省の報道発表資料です。各ページは日本語の原文と、英語・中国語（簡体字・繁体字）・韓国語の翻訳でご覧いただけます。

footer-service = このサイトは翻訳サービス honyaku により配信しています。
footer-original-note = 翻訳ページの内容は日本語の原文が正式なものです。

# 読者からの報告:翻訳された各部分の後のリンク、報告フォームとその応答。
# $max と $count は文字数、$minutes は分数。
report-link = 翻訳の問題を報告
report-intro = この部分の翻訳のどこに問題があるかをお知らせください。いただいた報告は翻訳者がすべて確認します。
report-original-label = 日本語の原文
report-translation-label = 現在の翻訳
report-message-label = 問題の内容({ $max }文字以内)
report-privacy = 個人情報は書かないでください。報告した人に関する情報(IPアドレス、氏名、メールアドレスなど)は記録しません。
report-honeypot-label = この欄には何も入力しないでください
report-submit = 報告を送信
report-back = 該当箇所に戻る
report-thanks-title = ご報告ありがとうございました
report-thanks-body = 報告を受け付けました。翻訳者がこの部分を確認します。
report-thanks-your-message = 送信した内容
report-error-empty = 問題の内容を入力してから送信してください。
report-error-too-long = 入力された内容は{ $count }文字です。{ $max }文字以内にしてください。
report-error-control = 入力された内容に使用できない制御文字が含まれています。削除してから送信してください。
report-rate-limited = 短時間に多くの報告が送信されました。{ $minutes }分ほどたってから、もう一度お試しください。
