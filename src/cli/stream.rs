//! `nianbao lint` streamed: worker threads lint the files in path order, at most a
//! window ahead of the writing, and each file's output is written as soon as it and
//! every file before it are done; its text, outline and findings are dropped once
//! rendered, so memory does not grow with the folder. A big file (or the only input) is rendered when its turn comes,
//! straight into standard output, so its output is never held whole.
//!
//! The one cross-file check, copied text, can add a finding to any file once every file
//! has been read. When it can fire (two inputs or more, the rule on), the rendered parts
//! go to a temporary file instead, with each file's sentence fingerprints kept; at the
//! end the parts are copied out in order, and only a file that copied another is linted
//! again, with its copied-text findings, in place of its part. Either way the output is
//! byte for byte what rendering the whole run at once gives.

use super::error;
use super::runs::{ConfigKey, Linters, Plan, Usage, gbk_notice};
use nianbao::copied::{self, Copy, Fingerprints, Normaliser};
use nianbao::input::{self, InputError, ReadOptions};
use nianbao::render::stats::Tally;
use nianbao::render::stream::{self, Output, Part, Style};
use nianbao::render::{Counts, FileReport, Unreadable};
use nianbao::suppress;
use std::collections::BTreeMap;
use std::io::{self, BufReader, BufWriter, Seek, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// How many files per thread the workers may be ahead of the writing: enough to keep
/// every thread busy past a slow file, few enough that the parts waiting stay small.
const WINDOW_PER_THREAD: usize = 32;

/// The size of text from which a file is rendered only when its turn to be written
/// comes, straight into the output: its output (JSON is two or three times the text)
/// is never held whole. Smaller files are rendered by the worker that linted them.
const RENDER_LATE: usize = 1 << 20;

/// One input, with its place in the order the inputs were given.
struct Input {
    path: PathBuf,
    name: String,
    key: ConfigKey,
    given: usize,
}

/// A file linted and rendered, or to be rendered when written.
struct Done {
    findings: Findings,
    used: Vec<bool>,
    maybe_gbk: bool,
    /// Its sentence fingerprints, when copied text is checked.
    prints: Vec<u64>,
}

/// A file's output as it waits its turn.
enum Findings {
    Rendered(Part),
    /// A big file's, or the only input's: rendered when written.
    Late(Box<FileReport>),
}

impl Findings {
    fn counts(&self) -> Counts {
        match self {
            Findings::Rendered(part) => part.counts,
            Findings::Late(report) => Counts::of(std::slice::from_ref(report)),
        }
    }

    fn write<W: Write>(&self, output: &mut Output<W>) -> io::Result<()> {
        match self {
            Findings::Rendered(part) => output.part(part),
            Findings::Late(report) => output.report(report),
        }
    }
}

/// What is kept of a file whose part went to the temporary file.
struct Spilled {
    input: usize,
    len: u64,
    counts: Counts,
    tally: Tally,
}

/// How every file is linted.
struct Lint<'a> {
    linters: &'a Linters,
    options: ReadOptions,
    style: Style,
    /// The size of text from which a file is rendered late ([`RENDER_LATE`], or 0 when
    /// there is one input: nothing to render meanwhile).
    render_late: usize,
    /// Set when copied text is checked.
    normaliser: Option<Normaliser>,
}

impl Lint<'_> {
    /// Reads, lints and renders one file, adding a finding for each of `copies` (with
    /// the name of the file copied).
    fn file(&self, input: &Input, copies: &[(&Copy, &str)]) -> Result<Done, InputError> {
        let linter = self.linters.linter(&input.key);
        let source = input::read(&input.path, self.options)?;
        let (outline, mut diagnostics) = linter.check(&source);
        let prints = self
            .normaliser
            .as_ref()
            .map(|n| Fingerprints::of(&source.text, &outline, n));
        drop(outline);
        if let (Some(prints), Some(severity)) = (&prints, linter.severity(copied::RULE)) {
            for (copy, other) in copies {
                let span = prints.span(copy.first);
                copied::add_finding(&mut diagnostics, copy, span, other, severity);
            }
        }
        let ignore = &linter.config().ignore;
        let used = suppress::apply(ignore, &source.name, &source.text, &mut diagnostics);
        let maybe_gbk = source.maybe_gbk;
        let report = FileReport {
            source,
            diagnostics,
        };
        let findings = if report.source.text.len() >= self.render_late {
            Findings::Late(Box::new(report))
        } else {
            Findings::Rendered(Part::of(self.style, &report))
        };
        Ok(Done {
            findings,
            used,
            maybe_gbk,
            prints: prints.map(Fingerprints::into_prints).unwrap_or_default(),
        })
    }
}

/// Lints the plan's inputs and writes their output to standard output in `style`;
/// returns whether there was trouble and the findings counted.
pub fn lint(plan: Plan, options: ReadOptions, style: Style, statistics: bool) -> (bool, Counts) {
    let Plan {
        linters,
        inputs,
        mut trouble,
        mut unreadable,
        ..
    } = plan;
    let mut inputs: Vec<Input> = inputs
        .into_iter()
        .enumerate()
        .map(|(given, (path, key))| Input {
            name: path.to_string_lossy().into_owned(),
            path,
            key,
            given,
        })
        .collect();
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    let copying = inputs.len() > 1
        && inputs
            .iter()
            .any(|i| linters.linter(&i.key).severity(copied::RULE).is_some());
    let tuning = match inputs.first() {
        Some(first) if copying => linters
            .linter(&first.key)
            .config()
            .rules
            .copied_text
            .clone(),
        _ => Default::default(),
    };
    let lint = Lint {
        linters: &linters,
        options,
        style,
        render_late: if inputs.len() > 1 { RENDER_LATE } else { 0 },
        normaliser: copying.then(|| Normaliser::new(&tuning)),
    };
    let stdout = BufWriter::with_capacity(1 << 16, io::stdout());
    let mut run = Stream {
        usage: Usage::default(),
        failed: Vec::new(),
        trouble: false,
        seen: Counts::default(),
    };
    let written = if copying {
        run.spilled(&lint, &inputs, &tuning, stdout)
    } else {
        run.direct(&lint, &inputs, stdout)
    };
    trouble |= run.trouble;
    run.failed.sort_unstable_by_key(|(given, _)| *given);
    unreadable.extend(run.failed.into_iter().map(|(_, u)| u));
    let finished = written.and_then(|mut output| {
        for report in run.usage.unused(&linters) {
            output.report(&report)?;
        }
        output.finish(&unreadable, statistics)
    });
    // The process ends next: freeing the rule set and the compiled rules (tens of
    // thousands of allocations) would take about a tenth of a one-report run.
    std::mem::forget(linters);
    match finished {
        Ok((_, counts)) => (trouble, counts),
        Err(e) => {
            if e.kind() != io::ErrorKind::BrokenPipe {
                error(format!(
                    "无法写出结果（{}）",
                    nianbao::display::os_error(&e)
                ));
                return (true, Counts::default());
            }
            // Standard output was closed (`| head`): nobody reads the rest; the exit
            // code tells of the findings seen so far.
            (trouble, run.seen)
        }
    }
}

/// The state of a streamed run.
struct Stream {
    usage: Usage,
    /// Inputs that could not be read: their place among the inputs given, and why.
    failed: Vec<(usize, Unreadable)>,
    trouble: bool,
    /// The findings of the files linted so far.
    seen: Counts,
}

/// Standard output, buffered; not locked, as the worker whose file is next writes it.
type Stdout = BufWriter<io::Stdout>;

impl Stream {
    /// Lints `inputs`, handing each file's result in order to `each` as soon as it and
    /// every file before it are done. With one thread (or one file) the files are
    /// linted in turn on this one; on more, worker threads take the files in order, the
    /// one that finishes the file next in turn hands it and every later one already done
    /// to `each` (no thread is woken to write), and a worker waits while it is a window
    /// ahead of the writing.
    fn in_order(
        &mut self,
        lint: &Lint,
        inputs: &[Input],
        mut each: impl FnMut(usize, Done) -> io::Result<()> + Send,
    ) -> io::Result<()> {
        let threads = match inputs.len() {
            0 | 1 => 1,
            n => rayon::current_num_threads().clamp(1, n),
        };
        if threads == 1 {
            for (k, input) in inputs.iter().enumerate() {
                self.take(input, lint.file(input, &[]), |done| each(k, done))?;
            }
            return Ok(());
        }
        let window = WINDOW_PER_THREAD * threads;
        let turns = Turns {
            state: Mutex::new(TurnState {
                stream: self,
                each,
                early: BTreeMap::new(),
                turn: 0,
                stopped: None,
                waiting: 0,
            }),
            moved: Condvar::new(),
        };
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let (turns, next) = (&turns, &next);
                scope.spawn(move || {
                    // A worker that panics stops the others, which might otherwise wait
                    // for a file that never comes; the panic is raised at the end.
                    let _stop = StopOnPanic(|| turns.stop());
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= inputs.len() || !turns.admit(k, window) {
                            break;
                        }
                        let result = lint.file(&inputs[k], &[]);
                        if !turns.hand_in(inputs, k, result) {
                            break;
                        }
                    }
                });
            }
        });
        let state = turns.state.into_inner().unwrap_or_else(|e| e.into_inner());
        match state.stopped {
            Some(Stop::Failed(e)) => Err(e),
            _ => Ok(()),
        }
    }

    /// Records file `input`'s result and hands it to `each`, or reports why it could
    /// not be read.
    fn take(
        &mut self,
        input: &Input,
        result: Result<Done, InputError>,
        each: impl FnOnce(Done) -> io::Result<()>,
    ) -> io::Result<()> {
        match result {
            Ok(done) => {
                if done.maybe_gbk {
                    gbk_notice(&input.name);
                }
                self.usage.record(&input.key, &done.used);
                self.seen.add(done.findings.counts());
                each(done)
            }
            Err(e) => {
                error(&e);
                self.failed.push((
                    input.given,
                    Unreadable {
                        name: e.name().to_string(),
                        message: e.to_string(),
                    },
                ));
                self.trouble = true;
                Ok(())
            }
        }
    }

    /// Every file's part straight to standard output.
    fn direct(
        &mut self,
        lint: &Lint,
        inputs: &[Input],
        stdout: Stdout,
    ) -> io::Result<Output<Stdout>> {
        let mut output = Output::start(lint.style, stdout)?;
        self.in_order(lint, inputs, |_, done| done.findings.write(&mut output))?;
        Ok(output)
    }

    /// Every file's part to a temporary file, then to standard output once the copies
    /// are known, a file with copies linted again with them.
    fn spilled(
        &mut self,
        lint: &Lint,
        inputs: &[Input],
        tuning: &copied::Tuning,
        stdout: Stdout,
    ) -> io::Result<Output<Stdout>> {
        let spill = tempfile::tempfile().inspect_err(|e| {
            error(format!(
                "无法创建临时文件（{}）",
                nianbao::display::os_error(e)
            ));
        })?;
        let mut spill = BufWriter::with_capacity(1 << 16, spill);
        let mut files: Vec<Spilled> = Vec::new();
        let mut prints: Vec<Vec<u64>> = Vec::new();
        self.in_order(lint, inputs, |input, done| {
            let (len, counts, tally) = match done.findings {
                Findings::Rendered(part) => {
                    spill.write_all(&part.text)?;
                    (part.text.len() as u64, part.counts, part.tally)
                }
                Findings::Late(report) => {
                    let mut counted = Counted {
                        out: &mut spill,
                        bytes: 0,
                    };
                    stream::write(lint.style, &report, &mut counted)?;
                    let counts = Counts::of(std::slice::from_ref(&report));
                    (counted.bytes, counts, Tally::of(&report.diagnostics))
                }
            };
            files.push(Spilled {
                input,
                len,
                counts,
                tally,
            });
            prints.push(done.prints);
            Ok(())
        })?;
        let mut copies = copied::compare(&prints, tuning);
        drop(prints);
        copies.retain(|c| {
            let path = |i: usize| Some(inputs[files[i].input].path.as_path());
            !copied::same_document(path(c.file), path(c.other))
        });
        let mut spill = spill.into_inner().map_err(io::IntoInnerError::into_error)?;
        spill.rewind()?;
        let mut spill = BufReader::with_capacity(1 << 16, spill);
        let mut output = Output::start(lint.style, stdout)?;
        let mut copies = copies.iter().peekable();
        for (i, file) in files.iter().enumerate() {
            let mut own = Vec::new();
            while let Some(c) = copies.next_if(|c| c.file == i) {
                own.push((c, inputs[files[c.other].input].name.as_str()));
            }
            let input = &inputs[file.input];
            let again = if own.is_empty() {
                None
            } else {
                // Read again to add its copied-text findings; if it is gone, the part
                // without them is shown.
                lint.file(input, &own)
                    .inspect_err(|e| {
                        error(e);
                        self.trouble = true;
                    })
                    .ok()
            };
            match again {
                Some(done) => {
                    self.usage.record(&input.key, &done.used);
                    done.findings.write(&mut output)?;
                    let len = i64::try_from(file.len).map_err(io::Error::other)?;
                    spill.seek_relative(len)?;
                }
                None => output.spilled(file.counts, &file.tally, &mut spill, file.len)?,
            }
        }
        Ok(output)
    }
}

/// A writer that counts the bytes written through it.
struct Counted<W: Write> {
    out: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The files' results between the workers and `each`: who is next, how far ahead the
/// workers may lint (file `k` is admitted once fewer than `window` files before it are
/// unwritten), and why the run stopped.
struct Turns<'s, F> {
    state: Mutex<TurnState<'s, F>>,
    /// Signalled when the writing moves on or the run stops.
    moved: Condvar,
}

struct TurnState<'s, F> {
    stream: &'s mut Stream,
    each: F,
    /// Results done before their turn, by index.
    early: BTreeMap<usize, Result<Done, InputError>>,
    /// The next file to hand to `each`.
    turn: usize,
    stopped: Option<Stop>,
    /// Workers waiting for the writing to move on.
    waiting: usize,
}

enum Stop {
    Failed(io::Error),
    Panicked,
}

impl<'s, F: FnMut(usize, Done) -> io::Result<()>> Turns<'s, F> {
    fn lock(&self) -> std::sync::MutexGuard<'_, TurnState<'s, F>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until file `k` is less than `window` files ahead of the writing; false
    /// when the run has stopped.
    fn admit(&self, k: usize, window: usize) -> bool {
        let mut state = self.lock();
        while state.stopped.is_none() && k >= state.turn + window {
            state.waiting += 1;
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
            state.waiting -= 1;
        }
        state.stopped.is_none()
    }

    /// Hands in file `k`'s result; if its turn has come, hands it and every later
    /// result done to `each`. False when the run has stopped.
    fn hand_in(&self, inputs: &[Input], k: usize, result: Result<Done, InputError>) -> bool {
        let mut state = self.lock();
        if state.stopped.is_some() {
            return false;
        }
        state.early.insert(k, result);
        let before = state.turn;
        let state = &mut *state;
        while let Some(result) = state.early.remove(&state.turn) {
            let turn = state.turn;
            let each = &mut state.each;
            if let Err(e) = state
                .stream
                .take(&inputs[turn], result, |done| each(turn, done))
            {
                // On a write error the workers stop at their next file.
                state.stopped = Some(Stop::Failed(e));
                self.moved.notify_all();
                return false;
            }
            state.turn += 1;
        }
        if state.turn > before && state.waiting > 0 {
            self.moved.notify_all();
        }
        true
    }

    /// Stops the run: every waiting worker, and every later one, is turned away.
    fn stop(&self) {
        let mut state = self.lock();
        state.stopped.get_or_insert(Stop::Panicked);
        self.moved.notify_all();
    }
}

/// Calls its stop when dropped by a panicking thread.
struct StopOnPanic<S: Fn()>(S);

impl<S: Fn()> Drop for StopOnPanic<S> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
    }
}
