# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own "language switch" service.

disclaimer-heading = 關於自動翻譯
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = 本網頁係由日語原文經 { $providers } 機器翻譯而成。請於瞭解下列事項後使用。
disclaimer-reviewed =
    { $reviewed ->
        [0] 本頁各段落尚未經譯者審校。
       *[other] 本頁全部 { $passages } 個段落中，已有 { $reviewed } 個經譯者審校。
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = 最近一次機器翻譯日期：{ $date }
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = 關於本頁翻譯
disclaimer-intro-human = 本網頁由人工根據日語原文翻譯，所有段落均經譯者審校。
disclaimer-text-only = 翻譯範圍僅限於網頁中的文字資訊。以圖片等形式呈現的內容不會翻譯。
disclaimer-accuracy = 由於採用機器自動翻譯，譯文未必完全正確。
disclaimer-speed = 與日語網頁相比，翻譯網頁的顯示可能需要稍長的時間。
disclaimer-authoritative = 相關內容以日語原文為準。
disclaimer-original-link = 檢視日語原文

notice-translation-pending-heading = 翻譯準備中
notice-translation-pending = 本網頁尚未翻譯成繁體中文。以下顯示日語原文。
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = 本網頁正在翻譯成繁體中文。目前顯示日語原文，譯好的段落將陸續顯示。

notice-partial-translation = 本頁部分內容尚未翻譯，暫以日文原文顯示。
notice-partial-pending = 部分段落仍在翻譯中，暫以日語顯示，譯好後即會顯示。
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = 本段原文及翻譯問題回報
passage-original-label = 日語原文
origin-machine = 機器翻譯
origin-bundled = 經審校的譯文
origin-translator = 由譯者翻譯
# 在指向 honyaku 不翻譯的文件（PDF、圖片、其他網站的網頁）的連結之後顯示。
link-japanese-only = （日語）
