# Thai (th). Error pages and the messages behind the stable error codes of the API.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Thai public notices as far as that model knows them (polite
# requests with "โปรด", no word spaces inside a phrase, a space between
# sentences), and by translating every string back into English with the same
# model and comparing it with the English. The years are Gregorian and say so
# (ค.ศ.), since readers in Thailand count in the Buddhist era. No native
# speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Thai name), date-year-month (ค.ศ. with the Gregorian year, or พ.ศ.
# with the Buddhist one), disclaimer-accuracy and disclaimer-intro, report-
# privacy, and the developer-facing error-* messages.

error-not-found-title = ไม่พบหน้านี้
error-not-found-body = ไม่พบหน้าที่คุณกำลังค้นหา โปรดตรวจสอบที่อยู่อีกครั้ง
error-unsupported-language = "{ $code }" ไม่ใช่ภาษาที่รองรับ ภาษาที่รองรับ: { $supported }
error-bad-request-title = ไม่สามารถดำเนินการตามคำขอได้
error-bad-request-body = คำขอมีข้อผิดพลาด
error-payload-too-large = คำขอมีขนาดใหญ่กว่า { $limit } ซึ่งเป็นขนาดสูงสุดที่บริการนี้รับได้
error-method-not-allowed-title = ไม่อนุญาตให้ดำเนินการนี้
error-method-not-allowed-body = ที่อยู่นี้ไม่รับคำขอที่ใช้วิธีนี้
error-internal-title = เกิดข้อผิดพลาดที่เซิร์ฟเวอร์
error-internal-body = เกิดปัญหาชั่วคราว โปรดลองอีกครั้งในภายหลัง
error-back-home = กลับไปหน้าแรก
error-invalid-request = คำขอไม่ถูกต้อง: { $detail }
error-unsupported-media-type = ไม่รองรับ Content-Type นี้ โปรดส่ง application/json หรือ text/html
error-unauthorized = ต้องใช้คีย์ API ที่ถูกต้อง โปรดส่งในส่วนหัว Authorization: Bearer หรือ X-Api-Key
error-origin-not-allowed = ไม่สามารถใช้คีย์ API นี้จาก origin นี้
error-rate-limited = มีคำขอมากเกินไป โปรดรอตามจำนวนวินาทีใน Retry-After แล้วลองอีกครั้ง
error-budget-exhausted = โควตาจำนวนตัวอักษรสำหรับการแปลของวันนี้หมดแล้ว โปรดลองอีกครั้งหลังจากจำนวนวินาทีใน Retry-After
error-proxy-not-allowed = ไม่สามารถแปลที่อยู่นี้ได้ แปลได้เฉพาะหน้าของเว็บไซต์ของกระทรวงเท่านั้น
error-upstream-failed = ไม่สามารถเชื่อมต่อเว็บไซต์ต้นทางได้ หรือเว็บไซต์ต้นทางตอบกลับด้วยข้อผิดพลาด โปรดลองอีกครั้งในภายหลัง
error-upstream-timeout = เว็บไซต์ต้นทางไม่ตอบกลับภายในเวลาที่กำหนด โปรดลองอีกครั้งในภายหลัง
error-not-logged-in = โปรดเข้าสู่ระบบก่อน: ส่งโทเค็นของผู้แปลในส่วนหัว Authorization: Bearer หรือเข้าสู่ระบบโปรแกรมแก้ไขสำหรับผู้แปล
error-forbidden = คุณไม่ได้รับอนุญาตให้ทำสิ่งนี้: { $detail }
error-csrf-failed = แบบฟอร์มหรือคำขอนี้หมดอายุแล้ว หรือไม่ได้ส่งมาจากโปรแกรมแก้ไข โปรดโหลดหน้าใหม่แล้วลองอีกครั้ง
error-version-conflict = มีผู้อื่นแก้ไขคำแปลนี้ไปแล้วในระหว่างนี้ (ขณะนี้เป็นเวอร์ชัน { $version }) โปรดโหลดใหม่ ตรวจสอบการแก้ไขของเขา แล้วบันทึกอีกครั้ง
error-precondition-required = โปรดส่งเวอร์ชันที่คุณกำลังแก้ไขในส่วนหัว If-Match เพื่อไม่ให้เขียนทับการแก้ไขของผู้อื่นโดยไม่ได้ตั้งใจ
error-qa-failed = คำแปลไม่ได้รับการบันทึก: { $detail }
error-conflict = ไม่สามารถทำสิ่งนี้ได้: { $detail }
error-busy = ฐานข้อมูลกำลังยุ่ง ยังไม่มีการบันทึกใด ๆ โปรดลองอีกครั้งในอีกสักครู่

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = คำแปลว่างเปล่า หากต้องการกลับไปใช้คำแปลด้วยเครื่อง ให้ใช้ "ย้อนกลับ" (revert)
qa-missing-placeholder = ไม่มี { $placeholder } โปรดคงตัวยึดตำแหน่ง (placeholder) ทั้งหมดของต้นฉบับไว้: { $detail }
qa-placeholder = ตัวยึดตำแหน่งไม่ตรงกับต้นฉบับ ({ $detail })
qa-missing-protected = ไม่มีข้อความที่ต้องคงไว้ตามที่แสดงทุกประการ: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = ผู้ให้บริการไม่ได้ส่งอะไรกลับมา
qa-refused-token = วันที่ ตัวเลข หรือที่อยู่ของต้นฉบับภาษาญี่ปุ่น (ตัวยึดตำแหน่ง { $placeholder }) ไม่ได้กลับมาครั้งเดียวพอดี
qa-refused-markup = มาร์กอัปไม่ได้กลับมาเหมือนในต้นฉบับภาษาญี่ปุ่น: { $detail }
qa-refused-number-changed = ตัวเลข { $expected } กลายเป็น { $found }
qa-refused-number-missing = ไม่มีตัวเลข { $expected }
qa-refused-echo = ผู้ให้บริการส่งภาษาญี่ปุ่นกลับมาโดยไม่ได้แปล
qa-refused-script-kana = ยังมีภาษาญี่ปุ่นหลงเหลืออยู่ในคำแปล (“{ $sample }”)
qa-refused-script-missing = คำแปลไม่ได้เขียนด้วยอักษรของภาษานี้
qa-refused-script-chinese = คำแปลใช้อักษรจีนอีกแบบหนึ่ง ({ $found })
qa-refused-lost = ไม่มีข้อความในวงเล็บ { $phrase }
qa-refused-length = คำแปลยาว { $ratio } เท่าของต้นฉบับภาษาญี่ปุ่น อยู่นอกช่วง { $min } ถึง { $max }
qa-refused-batch = { $sources } ประโยคที่ต่างกันกลับมาเป็นข้อความเดียวกัน (“{ $output }”)
qa-refused-sentences = ประโยคไม่ได้สั้นกว่าประโยคภาษาญี่ปุ่นอย่างชัดเจน (เฉลี่ย { $found } ตัวอักษร ต้นฉบับ { $expected })
