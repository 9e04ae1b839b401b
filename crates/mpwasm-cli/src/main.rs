//! `mpwasm`: parse the command line, run, exit with the documented code
//! (see `mpwasm --help`).

use clap::Parser;

fn main() {
    let args = mpwasm_cli::cli::Args::parse();
    let code = mpwasm_cli::app::main(&args);
    std::process::exit(code);
}
