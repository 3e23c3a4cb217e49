# Vietnamese (vi). Error pages and the messages behind the stable error codes of the API.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Vietnamese public notices as far as that model knows them
# (requests in the polite "Vui lòng…" form), against CLDR's Vietnamese date
# pattern ("tháng 5 năm 2025"), and by translating every string back into
# English with the same model and comparing it with the English. No native
# speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Vietnamese name), disclaimer-accuracy and disclaimer-intro (the
# legal weight of the notice), report-privacy, and the developer-facing
# error-* messages, whose technical terms were kept in English.

error-not-found-title = Không tìm thấy trang
error-not-found-body = Không tìm thấy trang bạn đang tìm. Vui lòng kiểm tra lại địa chỉ.
error-unsupported-language = "{ $code }" không phải là ngôn ngữ được hỗ trợ. Các ngôn ngữ được hỗ trợ: { $supported }
error-bad-request-title = Không thể xử lý yêu cầu
error-bad-request-body = Yêu cầu có lỗi.
error-payload-too-large = Yêu cầu lớn hơn { $limit }, mức tối đa mà dịch vụ này chấp nhận.
error-method-not-allowed-title = Không được phép thực hiện thao tác này
error-method-not-allowed-body = Địa chỉ này không chấp nhận yêu cầu theo phương thức này.
error-internal-title = Đã xảy ra lỗi máy chủ
error-internal-body = Đã xảy ra sự cố tạm thời. Vui lòng thử lại sau.
error-back-home = Quay về trang chủ
error-invalid-request = Yêu cầu không hợp lệ: { $detail }
error-unsupported-media-type = Content-Type này không được hỗ trợ. Hãy gửi application/json hoặc text/html.
error-unauthorized = Cần có khóa API hợp lệ. Hãy gửi khóa trong tiêu đề Authorization: Bearer hoặc X-Api-Key.
error-origin-not-allowed = Không thể dùng khóa API này từ nguồn (origin) này.
error-rate-limited = Quá nhiều yêu cầu. Hãy chờ số giây ghi trong Retry-After rồi thử lại.
error-budget-exhausted = Đã hết hạn mức ký tự dịch của hôm nay. Hãy thử lại sau số giây ghi trong Retry-After.
error-proxy-not-allowed = Không thể dịch địa chỉ này: chỉ dịch được các trang thuộc trang web của Bộ.
error-upstream-failed = Không thể kết nối đến trang gốc, hoặc trang gốc trả về lỗi. Vui lòng thử lại sau.
error-upstream-timeout = Trang gốc không phản hồi kịp thời. Vui lòng thử lại sau.
error-not-logged-in = Hãy đăng nhập trước: gửi mã (token) của người dịch trong tiêu đề Authorization: Bearer, hoặc đăng nhập vào trình biên tập dành cho người dịch.
error-forbidden = Bạn không được phép làm việc này: { $detail }
error-csrf-failed = Biểu mẫu hoặc yêu cầu này đã hết hạn hoặc không được gửi từ trình biên tập. Hãy tải lại trang rồi thử lại.
error-version-conflict = Trong lúc đó, người khác đã thay đổi bản dịch này (hiện là phiên bản { $version }). Hãy tải lại, xem thay đổi của họ rồi lưu lại.
error-precondition-required = Hãy gửi phiên bản bạn đang sửa trong tiêu đề If-Match để không ghi đè nhầm thay đổi của người khác.
error-qa-failed = Bản dịch chưa được lưu: { $detail }
error-conflict = Không thể làm việc này: { $detail }
error-busy = Cơ sở dữ liệu đang bận. Chưa có gì được lưu; hãy thử lại sau giây lát.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = bản dịch đang trống; để quay lại bản dịch máy, hãy dùng chức năng hoàn tác (revert).
qa-missing-placeholder = thiếu { $placeholder }. Hãy giữ mọi ký hiệu giữ chỗ (placeholder) của bản gốc: { $detail }
qa-placeholder = các ký hiệu giữ chỗ không khớp với bản gốc ({ $detail }).
qa-missing-protected = thiếu phần văn bản phải giữ nguyên như hiển thị: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = dịch vụ dịch không trả về gì
qa-refused-token = một ngày tháng, con số hoặc địa chỉ của bản tiếng Nhật (ký hiệu giữ chỗ { $placeholder }) không xuất hiện đúng một lần
qa-refused-markup = phần đánh dấu (markup) không trở lại như trong bản tiếng Nhật: { $detail }
qa-refused-number-changed = con số { $expected } đã thành { $found }
qa-refused-number-missing = thiếu con số { $expected }
qa-refused-echo = dịch vụ dịch đã trả lại nguyên văn tiếng Nhật
qa-refused-script-kana = trong bản dịch còn sót tiếng Nhật (“{ $sample }”)
qa-refused-script-missing = bản dịch không được viết bằng chữ viết của ngôn ngữ này
qa-refused-script-chinese = bản dịch dùng chữ của dạng chữ Trung Quốc kia ({ $found })
qa-refused-lost = thiếu đoạn trong ngoặc { $phrase }
qa-refused-length = bản dịch dài gấp { $ratio } lần bản tiếng Nhật, nằm ngoài khoảng từ { $min } đến { $max }
qa-refused-batch = { $sources } câu khác nhau được trả về cùng một văn bản (“{ $output }”)
qa-refused-sentences = các câu không ngắn hơn rõ rệt so với các câu tiếng Nhật (trung bình { $found } ký tự, tiếng Nhật { $expected })
