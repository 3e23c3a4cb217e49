# Indonesian (id). Error pages and the messages behind the stable error codes of the API.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Indonesian public notices as far as that model knows them
# (formal register with "Anda" and "Silakan"/"Harap", standard spelling), and
# by translating every string back into English with the same model and
# comparing it with the English. No native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Indonesian name), the language names in switcher-title-*
# ("Tionghoa" for Chinese), disclaimer-accuracy and disclaimer-intro, and
# report-privacy.

error-not-found-title = Halaman tidak ditemukan
error-not-found-body = Halaman yang Anda cari tidak ditemukan. Harap periksa alamatnya.
error-unsupported-language = "{ $code }" bukan bahasa yang didukung. Bahasa yang didukung: { $supported }
error-bad-request-title = Permintaan tidak dapat diproses
error-bad-request-body = Permintaan mengandung kesalahan.
error-payload-too-large = Permintaan lebih besar dari { $limit }, batas maksimal yang diterima layanan ini.
error-method-not-allowed-title = Operasi ini tidak diizinkan
error-method-not-allowed-body = Alamat ini tidak menerima permintaan dengan metode ini.
error-internal-title = Terjadi kesalahan pada server
error-internal-body = Terjadi masalah sementara. Silakan coba lagi nanti.
error-back-home = Kembali ke beranda
error-invalid-request = Permintaan tidak valid: { $detail }
error-unsupported-media-type = Content-Type ini tidak didukung. Kirim application/json atau text/html.
error-unauthorized = Diperlukan kunci API yang valid. Kirim dalam header Authorization: Bearer atau X-Api-Key.
error-origin-not-allowed = Kunci API ini tidak dapat digunakan dari origin ini.
error-rate-limited = Terlalu banyak permintaan. Tunggu sejumlah detik yang tertera di Retry-After, lalu coba lagi.
error-budget-exhausted = Jatah karakter terjemahan hari ini sudah habis. Coba lagi setelah sejumlah detik yang tertera di Retry-After.
error-proxy-not-allowed = Alamat ini tidak dapat diterjemahkan: hanya halaman situs kementerian sendiri yang dapat diterjemahkan.
error-upstream-failed = Situs asli tidak dapat dihubungi atau mengembalikan kesalahan. Silakan coba lagi nanti.
error-upstream-timeout = Situs asli tidak merespons tepat waktu. Silakan coba lagi nanti.
error-not-logged-in = Masuk terlebih dahulu: kirim token penerjemah dalam header Authorization: Bearer, atau masuk ke editor penerjemah.
error-forbidden = Anda tidak boleh melakukan ini: { $detail }
error-csrf-failed = Formulir atau permintaan ini sudah kedaluwarsa atau tidak berasal dari editor. Muat ulang halaman, lalu coba lagi.
error-version-conflict = Orang lain telah mengubah terjemahan ini sementara itu (kini versi { $version }). Muat ulang, periksa perubahannya, lalu simpan lagi.
error-precondition-required = Kirim versi yang Anda ubah dalam header If-Match, agar perubahan orang lain tidak tertimpa secara tidak sengaja.
error-qa-failed = Terjemahan tidak disimpan: { $detail }
error-conflict = Ini tidak dapat dilakukan: { $detail }
error-busy = Basis data sedang sibuk. Tidak ada yang disimpan; coba lagi sebentar lagi.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = terjemahan kosong; untuk kembali ke terjemahan mesin, gunakan "kembalikan" (revert).
qa-missing-placeholder = { $placeholder } tidak ada. Pertahankan setiap penanda tempat (placeholder) dari teks asli: { $detail }
qa-placeholder = penanda tempat tidak cocok dengan teks asli ({ $detail }).
qa-missing-protected = teks yang harus tetap persis seperti yang ditampilkan tidak ada: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = penyedia tidak mengembalikan apa pun
qa-refused-token = sebuah tanggal, angka, atau alamat dari teks Jepang (penanda { $placeholder }) tidak kembali tepat satu kali
qa-refused-markup = markup tidak kembali seperti pada teks Jepang: { $detail }
qa-refused-number-changed = angka { $expected } berubah menjadi { $found }
qa-refused-number-missing = angka { $expected } tidak ada
qa-refused-echo = penyedia mengembalikan teks Jepang tanpa diterjemahkan
qa-refused-script-kana = masih ada bahasa Jepang dalam terjemahan (“{ $sample }”)
qa-refused-script-missing = terjemahan tidak ditulis dengan aksara bahasa ini
qa-refused-script-chinese = terjemahan memakai aksara Tionghoa jenis lainnya ({ $found })
qa-refused-lost = teks dalam kurung { $phrase } tidak ada
qa-refused-length = panjang terjemahan { $ratio } kali teks Jepang, di luar rentang { $min } hingga { $max }
qa-refused-batch = { $sources } kalimat yang berbeda kembali sebagai teks yang sama (“{ $output }”)
qa-refused-sentences = kalimatnya tidak jelas lebih pendek daripada kalimat Jepang (rata-rata { $found } karakter; teks Jepang { $expected })
