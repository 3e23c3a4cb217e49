# Indonesian (id). Page chrome: header, language switcher, breadcrumb, footer, the report form.
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

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = Kementerian Kesehatan, Ketenagakerjaan, dan Kesejahteraan
site-section = Siaran pers
skip-to-content = Langsung ke konten utama

switcher-label = Bahasa
switcher-title-ja = Bahasa Jepang
switcher-title-en = Bahasa Inggris
switcher-title-zh-Hans = Bahasa Tionghoa (Sederhana)
switcher-title-zh-Hant = Bahasa Tionghoa (Tradisional)
switcher-title-ko = Bahasa Korea
switcher-title-vi = Bahasa Vietnam
switcher-title-fil = Bahasa Filipina
switcher-title-pt-BR = Bahasa Portugis (Brasil)
switcher-title-ne = Bahasa Nepal
switcher-title-id = Bahasa Indonesia
switcher-title-my = Bahasa Myanmar
switcher-title-th = Bahasa Thai
switcher-title-es = Bahasa Spanyol
switcher-title-ja-x-easy = Bahasa Jepang yang mudah

breadcrumb-label = Anda berada di sini
breadcrumb-home = Beranda
breadcrumb-press = Berita dan hubungan masyarakat
breadcrumb-press-releases = Siaran pers

# $year and $month are numbers, e.g. 2025 and 5.
# Indonesian spells out the month: "Mei 2025".
date-year-month =
    { $month ->
        [1] Januari
        [2] Februari
        [3] Maret
        [4] April
        [5] Mei
        [6] Juni
        [7] Juli
        [8] Agustus
        [9] September
        [10] Oktober
        [11] November
        [12] Desember
       *[other] { $month }
    } { $year }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $day } { $month ->
        [1] Januari
        [2] Februari
        [3] Maret
        [4] April
        [5] Mei
        [6] Juni
        [7] Juli
        [8] Agustus
        [9] September
        [10] Oktober
        [11] November
        [12] Desember
       *[other] { $month }
    } { $year }

page-published = Diterbitkan: { date-year-month }
page-bureau = Unit penanggung jawab: { $bureau }
contact-heading = Kontak

index-title = Siaran pers
index-intro = Siaran pers Kementerian Kesehatan, Ketenagakerjaan, dan Kesejahteraan. Setiap halaman tersedia dalam bahasa Jepang aslinya dan dalam terjemahan ke bahasa-bahasa pada menu bahasa.

footer-service = Situs ini disediakan oleh layanan penerjemahan honyaku.
footer-original-note = Untuk halaman terjemahan, teks asli berbahasa Jepang adalah versi resmi.

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = Laporkan masalah terjemahan
report-intro = Beri tahu kami apa yang salah pada terjemahan bagian ini. Setiap laporan dibaca oleh penerjemah.
report-original-label = Teks asli bahasa Jepang
report-translation-label = Terjemahan saat ini
report-message-label = Apa yang salah? (maksimal { $max } karakter)
report-privacy = Jangan mencantumkan informasi pribadi. Kami tidak mencatat apa pun tentang pengirim laporan (tidak ada alamat IP, nama, atau alamat email).
report-honeypot-label = Biarkan kolom ini kosong
report-submit = Kirim laporan
report-back = Kembali ke bagian tersebut
report-thanks-title = Terima kasih atas laporan Anda
report-thanks-body = Laporan Anda sudah kami terima. Penerjemah akan memeriksa bagian ini.
report-thanks-your-message = Yang Anda tulis
report-error-empty = Jelaskan masalahnya sebelum mengirim.
report-error-too-long = Pesan Anda berisi { $count } karakter; persingkat menjadi { $max } karakter atau kurang.
report-error-control = Pesan Anda berisi karakter kontrol yang tidak dapat diterima. Hapus karakter tersebut, lalu kirim lagi.
report-rate-limited = Banyak laporan dikirim dalam waktu singkat. Silakan coba lagi dalam { $minutes } menit.
