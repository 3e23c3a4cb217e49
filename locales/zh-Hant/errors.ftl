# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = 找不到網頁
error-not-found-body = 找不到您要瀏覽的網頁。請確認網址是否正確。
error-unsupported-language = 不支援語言「{ $code }」。支援的語言：{ $supported }
error-bad-request-title = 無法處理此請求
error-bad-request-body = 請求內容有誤。
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
