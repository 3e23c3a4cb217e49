# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml);
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
switcher-title-vi = 越南語
switcher-title-fil = 菲律賓語
switcher-title-pt-BR = 葡萄牙語（巴西）
switcher-title-ne = 尼泊爾語
switcher-title-id = 印尼語
switcher-title-my = 緬甸語
switcher-title-th = 泰語
switcher-title-es = 西班牙語
switcher-title-ja-x-easy = 簡明日語

breadcrumb-label = 目前位置
breadcrumb-home = 首頁
breadcrumb-press = 新聞與宣傳
breadcrumb-press-releases = 新聞發布

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }年{ $month }月

date-full = { $year }年{ $month }月{ $day }日

page-published = 發布日期：{ date-year-month }
page-bureau = 負責單位：{ $bureau }
contact-heading = 洽詢窗口

index-title = 新聞發布
index-intro = 厚生勞動省新聞發布資料。每個網頁均可閱讀日語原文，以及英語、簡體中文、繁體中文與韓語譯文。

footer-service = 本網站由翻譯服務 honyaku 提供。
footer-original-note = 翻譯網頁的內容以日語原文為準。

# 讀者回報:每段譯文後的連結、回報表單及其回覆。
# $max 和 $count 為字元數,$minutes 為分鐘數。
report-link = 回報翻譯問題
report-intro = 請告訴我們這段譯文有什麼問題。翻譯人員會查看每一份回報。
report-original-label = 日文原文
report-translation-label = 目前譯文
report-message-label = 問題說明(不超過 { $max } 個字元)
report-privacy = 請勿填寫個人資料。我們不會記錄回報者的任何資訊(如 IP 位址、姓名或電子郵件地址)。
report-honeypot-label = 此欄請留空
report-submit = 送出回報
report-back = 返回該段落
report-thanks-title = 感謝您的回報
report-thanks-body = 我們已收到您的回報。翻譯人員將檢查這段譯文。
report-thanks-your-message = 您送出的內容
report-error-empty = 請先說明問題再送出。
report-error-too-long = 您輸入了 { $count } 個字元,最多只能輸入 { $max } 個字元。
report-error-control = 您輸入的內容包含無法接受的控制字元,請刪除後再送出。
report-rate-limited = 短時間內送出的回報過多。請在約 { $minutes } 分鐘後再試一次。
