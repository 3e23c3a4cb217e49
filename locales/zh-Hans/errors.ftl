# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = 找不到页面
error-not-found-body = 未找到您要访问的页面。请确认网址是否正确。
error-unsupported-language = 不支持语言“{ $code }”。支持的语言：{ $supported }
error-bad-request-title = 无法处理该请求
error-bad-request-body = 请求内容有误。
error-payload-too-large = 请求超过了本服务可接受的上限 { $limit }。
error-method-not-allowed-title = 无法执行此操作
error-method-not-allowed-body = 此网址不接受以该方式发送的请求。
error-internal-title = 服务器发生错误
error-internal-body = 发生了临时性问题。请稍后重试。
error-back-home = 返回首页
error-invalid-request = 请求内容有误：{ $detail }
error-unsupported-media-type = 不支持该 Content-Type。请以 application/json 或 text/html 发送。
error-unauthorized = 需要有效的 API 密钥。请通过 Authorization: Bearer 或 X-Api-Key 请求头发送。
error-origin-not-allowed = 此 API 密钥不能从该来源使用。
error-rate-limited = 请求过多。请等待 Retry-After 所示的秒数后重试。
error-budget-exhausted = 今日的翻译字符额度已用完。请在 Retry-After 所示的秒数后重试。
error-proxy-not-allowed = 无法翻译此地址：仅可翻译本省网站的页面。
error-upstream-failed = 无法连接原网站，或原网站返回了错误。请稍后再试。
error-upstream-timeout = 原网站未能及时响应。请稍后再试。
error-not-logged-in = 请先登录：在 Authorization: Bearer 标头中发送译者令牌，或登录译者编辑器。
error-forbidden = 您无权执行此操作：{ $detail }
error-csrf-failed = 此表单或请求已过期，或并非来自编辑器。请重新加载页面后再试。
error-version-conflict = 其他人已在此期间修改了此译文（当前版本为 { $version }）。请重新加载，查看其修改后再保存。
error-precondition-required = 请在 If-Match 标头中发送您要修改的版本，以免误覆盖他人的修改。
error-qa-failed = 译文未保存：{ $detail }
error-conflict = 无法执行此操作：{ $detail }
error-busy = 数据库繁忙，未保存任何内容。请稍后再试。

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = 译文为空；如需恢复机器翻译，请使用“还原”。
qa-missing-placeholder = 缺少 { $placeholder }。请保留原文的所有占位符：{ $detail }
qa-placeholder = 占位符与原文不一致（{ $detail }）。
qa-missing-protected = 缺少必须原样保留的文字：{ $detail }

# 质量检查（QA）未采用机器翻译的原因（供译者查看；读者看到的是日语）。
qa-refused-empty = 翻译服务没有返回任何内容
qa-refused-token = 原文中的日期、号码或地址（占位符 { $placeholder }）没有恰好返回一次
qa-refused-markup = 标记没有按原文返回：{ $detail }
qa-refused-number-changed = 数字 { $expected } 变成了 { $found }
qa-refused-number-missing = 缺少数字 { $expected }
qa-refused-echo = 翻译服务原样返回了日语
qa-refused-script-kana = 译文中残留日语（“{ $sample }”）
qa-refused-script-missing = 译文没有使用该语言的文字
qa-refused-script-chinese = 译文使用了另一种中文字体的字（{ $found }）
qa-refused-lost = 缺少括号内的文字 { $phrase }
qa-refused-length = 译文长度是日语的 { $ratio } 倍，超出 { $min } 至 { $max } 倍的范围
qa-refused-batch = { $sources } 个不同的句子返回了相同的文字（“{ $output }”）
qa-refused-sentences = 句子没有明显比日语原文短（平均 { $found } 字，原文 { $expected } 字）
