//! The `honyaku` command: `serve` (the default) and `check-config`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use honyaku::config::{Overrides, ServerOverrides};
use honyaku::i18n::Lang;
use honyaku::{App, Config};

#[derive(Debug, Parser)]
#[command(
    name = "honyaku",
    version,
    about = "Japanese announcements, translated"
)]
struct Cli {
    /// Configuration file layered over the defaults (environment variables
    /// HONYAKU__SECTION__KEY override it).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Address to listen on, HOST:PORT (overrides server.addr).
    #[arg(long, global = true, value_name = "HOST:PORT")]
    addr: Option<SocketAddr>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the announcements (the default).
    Serve,
    /// Print the effective configuration, secrets redacted, and exit.
    CheckConfig,
    /// Translate every announcement into every target language ahead of
    /// traffic, filling the translation memory, and print what it cost.
    Warm,
    /// Characters and requests sent to each provider per day.
    Usage {
        /// How many days back, today included.
        #[arg(long, default_value_t = 31)]
        days: u32,
    },
    /// Translator accounts: add (prints the API token once), revoke, list.
    #[command(subcommand)]
    Translators(TranslatorsCommand),
}

#[derive(Debug, Subcommand)]
enum TranslatorsCommand {
    /// Creates an account and prints its API token, which is not kept:
    /// only its SHA-256 is stored.
    Add {
        /// Letters, digits, '.', '_' or '-'; shown in every history entry.
        name: String,
        /// Target languages the translator may change, comma-separated
        /// (the targets of `languages.targets`, e.g. en,ko). Not needed with
        /// --admin.
        #[arg(long, value_delimiter = ',', value_name = "CODES")]
        lang: Vec<String>,
        /// May change every language.
        #[arg(long)]
        admin: bool,
    },
    /// Revokes an account: its token and sessions stop working at once.
    Revoke { name: String },
    /// Lists the accounts.
    List,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    let overrides = Overrides {
        server: cli.addr.map(|addr| ServerOverrides { addr }),
    };
    let config = match Config::load(cli.config.as_deref(), &overrides) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("honyaku: invalid configuration:\n{e}");
            return ExitCode::from(2);
        }
    };
    // The languages are checked with the configuration: a mistake there
    // stops every command the same way.
    if let Err(e) = honyaku::app::check_languages(&config) {
        eprintln!("honyaku: invalid configuration:\n{e}");
        return ExitCode::from(2);
    }
    match command {
        Command::CheckConfig => match config.to_redacted_toml() {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("honyaku: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Serve => run_server(config),
        Command::Warm => run_async(config, warm),
        Command::Usage { days } => run_async(config, move |config| usage(config, days)),
        Command::Translators(command) => {
            run_async(config, move |config| translators(config, command))
        }
    }
}

fn run_async<F, Fut>(config: Config, job: F) -> ExitCode
where
    F: FnOnce(Config) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("honyaku: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(job(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("honyaku: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn warm(config: Config) -> Result<(), String> {
    use std::io::{IsTerminal, Write};
    use std::sync::atomic::Ordering::Relaxed;

    honyaku::telemetry::init(&config.log);
    let base_url = config.public_base(config.server.addr);
    let app = App::new(config, base_url)
        .await
        .map_err(|e| e.to_string())?;
    // Every target language this server serves, Easy Japanese included.
    let targets: Vec<Lang> = app.languages.target_langs();
    let jobs: Vec<_> = app
        .content
        .announcements()
        .iter()
        .flat_map(|page| targets.iter().map(move |lang| (page.clone(), *lang)))
        .collect();
    let stats = &app.pipeline.stats;
    let billed = || -> u64 {
        app.pipeline
            .chain()
            .slots()
            .iter()
            .map(|s| s.characters.load(Relaxed))
            .sum()
    };
    let before = (
        stats.bundled_hits.load(Relaxed),
        stats.tm_hits.load(Relaxed) + stats.memory_hits.load(Relaxed),
        stats.machine_translated.load(Relaxed),
        stats.override_hits.load(Relaxed),
        billed(),
    );
    let progress = std::io::stderr().is_terminal();
    let mut units = 0;
    let mut untranslated = 0;
    for (done, (page, lang)) in jobs.iter().enumerate() {
        if progress {
            let width = 30;
            let filled = width * done / jobs.len().max(1);
            eprint!(
                "\r[{}{}] {}/{} {} {}   ",
                "#".repeat(filled),
                "-".repeat(width - filled),
                done,
                jobs.len(),
                lang,
                page.slug
            );
            let _ = std::io::stderr().flush();
        }
        let (_, coverage) = honyaku::pages::translated_view(&app.pipeline, page, *lang, None)
            .await
            .map_err(|e| format!("{} ({lang}): {e}", page.slug))?;
        units += coverage.units;
        untranslated += coverage.units - coverage.translated;
    }
    if progress {
        eprintln!(
            "\r[{}] {}/{} done{}",
            "#".repeat(30),
            jobs.len(),
            jobs.len(),
            " ".repeat(40)
        );
    }
    println!("pages:              {}", jobs.len());
    println!("units:              {units}");
    println!(
        "from overrides:     {}",
        stats.override_hits.load(Relaxed) - before.3
    );
    println!(
        "bundled:            {}",
        stats.bundled_hits.load(Relaxed) - before.0
    );
    println!(
        "from memory (TM):   {}",
        stats.tm_hits.load(Relaxed) + stats.memory_hits.load(Relaxed) - before.1
    );
    println!(
        "from MT:            {}",
        stats.machine_translated.load(Relaxed) - before.2
    );
    println!("not translated:     {untranslated}");
    println!("characters billed:  {}", billed() - before.4);
    Ok(())
}

async fn usage(config: Config, days: u32) -> Result<(), String> {
    let store = honyaku::store::open(&config.store)
        .await
        .map_err(|e| e.to_string())?;
    let now = honyaku::clock::now_ms();
    let today = honyaku::clock::utc_day(now);
    let from = honyaku::clock::utc_day(now - i64::from(days.saturating_sub(1)) * 86_400_000);
    let rows = store
        .usage(None, &from, &today)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "{:<12} {:<16} {:>14} {:>10}",
        "day", "provider", "characters", "requests"
    );
    let mut totals: std::collections::BTreeMap<String, (i64, i64)> =
        std::collections::BTreeMap::new();
    for row in &rows {
        println!(
            "{:<12} {:<16} {:>14} {:>10}",
            row.day, row.provider, row.characters, row.requests
        );
        let total = totals.entry(row.provider.clone()).or_default();
        total.0 += row.characters;
        total.1 += row.requests;
    }
    for (provider, (characters, requests)) in totals {
        println!(
            "{:<12} {:<16} {:>14} {:>10}",
            "total", provider, characters, requests
        );
    }
    if rows.is_empty() {
        println!("(nothing sent to any provider from {from} to {today})");
    }
    Ok(())
}

async fn translators(config: Config, command: TranslatorsCommand) -> Result<(), String> {
    use honyaku::model::Role;

    let store = honyaku::store::open(&config.store)
        .await
        .map_err(|e| e.to_string())?;
    match command {
        TranslatorsCommand::Add { name, lang, admin } => {
            let (served, _) = honyaku::app::check_languages(&config).map_err(|e| e.to_string())?;
            let mut languages = Vec::new();
            for code in lang.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                let parsed = served
                    .by_prefix(code)
                    .or_else(|| served.resolve_target(code))
                    .filter(|l| !l.is_source())
                    .ok_or_else(|| {
                        format!(
                            "--lang {code:?} is not a target language; use some of: {}",
                            served
                                .targets()
                                .map(|l| l.lang.code())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })?;
                if !languages.contains(&parsed) {
                    languages.push(parsed);
                }
            }
            if languages.is_empty() && !admin {
                return Err(
                    "give the translator's languages with --lang en,ko (or make an admin with --admin)"
                        .into(),
                );
            }
            let role = if admin { Role::Admin } else { Role::Translator };
            let token = honyaku::auth::new_token().map_err(|e| e.to_string())?;
            let account = store
                .translator_add(&name, &honyaku::auth::sha256_hex(&token), role, &languages)
                .await
                .map_err(|e| e.to_string())?;
            eprintln!(
                "added {} ({}, {}); the token below is shown only this once:",
                account.name,
                account.role.as_str(),
                describe_languages(&account)
            );
            println!("{token}");
        }
        TranslatorsCommand::Revoke { name } => {
            store.translator_revoke(&name).await.map_err(|e| match e {
                honyaku::store::StoreError::NotFound => {
                    format!("no active translator named {name:?}")
                }
                other => other.to_string(),
            })?;
            println!("revoked {name}: its token and sessions no longer work");
        }
        TranslatorsCommand::List => {
            let accounts = store.translators().await.map_err(|e| e.to_string())?;
            println!("{:<24} {:<11} {:<28} status", "name", "role", "languages");
            for account in &accounts {
                println!(
                    "{:<24} {:<11} {:<28} {}",
                    account.name,
                    account.role.as_str(),
                    describe_languages(account),
                    if account.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "active"
                    }
                );
            }
            if accounts.is_empty() {
                println!("(no translators yet: honyaku translators add NAME --lang en)");
            }
        }
    }
    Ok(())
}

fn describe_languages(account: &honyaku::model::TranslatorAccount) -> String {
    if account.role == honyaku::model::Role::Admin {
        return "all".into();
    }
    account
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",")
}

fn run_server(config: Config) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("honyaku: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        honyaku::telemetry::init(&config.log);
        let listener = match tokio::net::TcpListener::bind(config.server.addr).await {
            Ok(listener) => listener,
            Err(e) => {
                tracing::error!(addr = %config.server.addr, error = %e, "cannot listen (is the port in use? set --addr or HONYAKU__SERVER__ADDR)");
                return ExitCode::FAILURE;
            }
        };
        let local = match listener.local_addr() {
            Ok(addr) => addr,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the listening address");
                return ExitCode::FAILURE;
            }
        };
        let shutdown = honyaku::shutdown_signal();
        // Scripts wait for this line to learn the port; it comes first.
        tracing::info!("listening on http://{local}");
        let base_url = config.public_base(local);
        let app = match App::new(config, base_url).await {
            Ok(app) => Arc::new(app),
            Err(e) => {
                tracing::error!(error = %e, "cannot start");
                return ExitCode::FAILURE;
            }
        };
        let active: Vec<&str> = app
            .pipeline
            .chain()
            .slots()
            .iter()
            .map(|slot| slot.provider.name())
            .collect();
        if active.is_empty() {
            tracing::info!("machine translation: no provider configured; serving bundled translations, and the Japanese original where there is none");
        } else {
            tracing::info!(providers = ?active, "machine translation: active providers");
        }
        app.log_languages();
        tracing::info!(
            content_version = %app.content.version,
            "announcement: {}{}",
            app.base_url,
            app.first_announcement_path(Lang::SOURCE)
        );
        match honyaku::serve(app, listener, shutdown).await {
            Ok(()) => {
                tracing::info!("stopped");
                ExitCode::SUCCESS
            }
            Err(e) => {
                tracing::error!(error = %e, "server failed");
                ExitCode::FAILURE
            }
        }
    })
}
