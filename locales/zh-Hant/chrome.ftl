# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in code (src/i18n.rs);
# the title attributes below name each language in the reader's own language.

site-name = 厚生勞動省
site-section = 新聞發布
skip-to-content = 跳至主要內容

switcher-label = 語言切換
switcher-title-ja = 日語
switcher-title-en = 英語
switcher-title-zh-Hans = 簡體中文
switcher-title-zh-Hant = 繁體中文
switcher-title-ko = 韓語

breadcrumb-label = 目前位置
breadcrumb-home = 首頁
breadcrumb-press = 新聞與宣傳
breadcrumb-press-releases = 新聞發布

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年{ $month }月

page-published = 發布日期：{ date-year-month }
page-bureau = 負責單位：{ $bureau }
contact-heading = 洽詢窗口

index-title = 新聞發布
index-intro = 厚生勞動省新聞發布資料。每個網頁均可閱讀日語原文，以及英語、簡體中文、繁體中文與韓語譯文。

footer-service = 本網站由翻譯服務 honyaku 提供。
footer-original-note = 翻譯網頁的內容以日語原文為準。
