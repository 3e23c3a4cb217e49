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
    }
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
            .translator
            .chain()
            .slots()
            .iter()
            .map(|slot| slot.provider.name())
            .collect();
        if active.is_empty() {
            tracing::info!("machine translation: no provider configured; serving bundled translations, and the Japanese original where there is none");
        } else {
            for lang in Lang::ALL.into_iter().filter(|l| !l.is_source()) {
                tracing::info!(target_lang = %lang, providers = ?app.translator.chain().providers_for(lang), "machine translation chain");
            }
            tracing::info!(providers = ?active, "machine translation: active providers");
        }
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
