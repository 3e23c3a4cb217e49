# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = 找不到網頁
error-not-found-body = 找不到您要瀏覽的網頁。請確認網址是否正確。
error-unsupported-language = 不支援語言「{ $code }」。支援的語言：{ $supported }
error-bad-request-title = 無法處理此請求
error-bad-request-body = 請求內容有誤。
error-payload-too-large = 請求超過了本服務可接受的上限 { $limit }。
error-method-not-allowed-title = 無法執行此操作
error-method-not-allowed-body = 此網址不接受以此方式傳送的請求。
error-internal-title = 伺服器發生錯誤
error-internal-body = 發生暫時性問題。請稍後再試。
error-back-home = 返回首頁
error-invalid-request = 請求內容有誤：{ $detail }
error-unsupported-media-type = 不支援此 Content-Type。請以 application/json 或 text/html 傳送。
error-unauthorized = 需要有效的 API 金鑰。請透過 Authorization: Bearer 或 X-Api-Key 標頭傳送。
error-origin-not-allowed = 此 API 金鑰不能從該來源使用。
error-rate-limited = 請求過多。請等待 Retry-After 所示的秒數後再試。
error-budget-exhausted = 今日的翻譯字元額度已用完。請在 Retry-After 所示的秒數後再試。
error-proxy-not-allowed = 無法翻譯此網址：僅可翻譯本省網站的頁面。
error-upstream-failed = 無法連線至原網站，或原網站傳回了錯誤。請稍後再試。
error-upstream-timeout = 原網站未能及時回應。請稍後再試。
error-not-logged-in = 請先登入：在 Authorization: Bearer 標頭中傳送譯者權杖，或登入譯者編輯器。
error-forbidden = 您無權執行此操作：{ $detail }
error-csrf-failed = 此表單或請求已過期，或並非來自編輯器。請重新載入頁面後再試。
error-version-conflict = 其他人已在此期間修改了此譯文（目前版本為 { $version }）。請重新載入，查看其修改後再儲存。
error-precondition-required = 請在 If-Match 標頭中傳送您要修改的版本，以免誤覆蓋他人的修改。
error-qa-failed = 譯文未儲存：{ $detail }
error-conflict = 無法執行此操作：{ $detail }
error-busy = 資料庫忙碌中，未儲存任何內容。請稍後再試。

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = 譯文為空；如需恢復機器翻譯，請使用「還原」。
qa-missing-placeholder = 缺少 { $placeholder }。請保留原文的所有預留位置：{ $detail }
qa-placeholder = 預留位置與原文不一致（{ $detail }）。
qa-missing-protected = 缺少必須原樣保留的文字：{ $detail }

# 品質檢查（QA）未採用機器翻譯的原因（供譯者查看；讀者看到的是日語）。
qa-refused-empty = 翻譯服務沒有傳回任何內容
qa-refused-token = 原文中的日期、號碼或地址（預留位置 { $placeholder }）沒有恰好傳回一次
qa-refused-markup = 標記沒有按原文傳回：{ $detail }
qa-refused-number-changed = 數字 { $expected } 變成了 { $found }
qa-refused-number-missing = 缺少數字 { $expected }
qa-refused-echo = 翻譯服務原樣傳回了日語
qa-refused-script-kana = 譯文中殘留日語（「{ $sample }」）
qa-refused-script-missing = 譯文沒有使用該語言的文字
qa-refused-script-chinese = 譯文使用了另一種中文字體的字（{ $found }）
qa-refused-lost = 缺少括號內的文字 { $phrase }
qa-refused-length = 譯文長度是日語的 { $ratio } 倍，超出 { $min } 至 { $max } 倍的範圍
qa-refused-batch = { $sources } 個不同的句子傳回了相同的文字（「{ $output }」）
qa-refused-sentences = 句子沒有明顯比日語原文短（平均 { $found } 字，原文 { $expected } 字）
