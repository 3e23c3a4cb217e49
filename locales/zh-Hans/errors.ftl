# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = 找不到页面
error-not-found-body = 未找到您要访问的页面。请确认网址是否正确。
error-unsupported-language = 不支持语言“{ $code }”。支持的语言：{ $supported }
error-bad-request-title = 无法处理该请求
error-bad-request-body = 请求内容有误。
error-method-not-allowed-title = 无法执行此操作
error-method-not-allowed-body = 此网址不接受以该方式发送的请求。
error-internal-title = 服务器发生错误
error-internal-body = 发生了临时性问题。请稍后重试。
error-back-home = 返回首页
error-invalid-request = 请求内容有误：{ $detail }
error-unsupported-media-type = 不支持该 Content-Type。请以 application/json 或 text/html 发送。
