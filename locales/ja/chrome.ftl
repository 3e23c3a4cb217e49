# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in code (src/i18n.rs);
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

breadcrumb-label = 現在位置
breadcrumb-home = ホーム
breadcrumb-press = 報道・広報
breadcrumb-press-releases = 報道発表資料

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年{ $month }月

page-published = 発表：{ date-year-month }
page-bureau = 担当：{ $bureau }
contact-heading = 照会先

index-title = 報道発表資料
index-intro = 厚生労働省の報道発表資料です。各ページは日本語の原文と、英語・中国語（簡体字・繁体字）・韓国語の翻訳でご覧いただけます。

footer-service = このサイトは翻訳サービス honyaku により配信しています。
footer-original-note = 翻訳ページの内容は日本語の原文が正式なものです。
