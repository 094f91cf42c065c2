//! A mysqldump read statement by statement, never whole: a small lexer finds where each
//! statement ends (a `;` outside strings, quoted names and comments — `/*!40101 … */`
//! versioned comments included, which it drops), counting lines so an error names the
//! one its statement starts on; `CREATE TABLE` and `INSERT` statements are then parsed by
//! a real SQL parser (sqlparser, MySQL dialect) into column names and rows of values.
//! The bytes read are hashed on the way, so a dump is known again.

use sha2::{Digest, Sha256};
use sqlparser::ast::{Expr, SetExpr, Statement as Ast, TableObject, UnaryOperator, Value};
use sqlparser::dialect::MySqlDialect;
use sqlparser::parser::Parser;
use std::io::BufRead;

/// What went wrong, and on which line of the dump the statement starts.
#[derive(Debug, PartialEq, Eq)]
pub enum DumpError {
    /// The file ends inside a statement (a dump cut short).
    Truncated(usize),
    /// The parser's message.
    Syntax(usize, String),
    /// A value the importer cannot take (an expression where a value was expected).
    Value(usize, String),
    /// An INSERT without rows of values (`INSERT … SELECT`, `INSERT … SET`).
    NoValues(usize),
    Io(String),
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Null,
    /// A number as written (`12.345`, `-3`).
    Number(String),
    Text(String),
}

/// A statement the importer acts on.
#[derive(Debug, PartialEq, Eq)]
pub enum Statement {
    /// A table's columns, in order.
    Create {
        line: usize,
        table: String,
        columns: Vec<String>,
    },
    /// Rows for a table; `columns` empty when the INSERT names none (the table's order).
    Insert {
        line: usize,
        table: String,
        columns: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lex {
    Code,
    /// Inside a string quoted by the byte; `escaped` after a backslash.
    Quoted(u8, bool),
    /// Just after the closing quote of a string: the same quote again is a doubled one.
    QuoteSeen(u8),
    Backtick,
    /// After a `-` or a `/` in code, which may open a comment.
    Dash,
    Slash,
    LineComment,
    /// Inside `/* … */`; `star` after a `*`.
    BlockComment(bool),
}

/// The statements of a dump, in order.
pub struct Statements<R: BufRead> {
    reader: R,
    line: usize,
    lex: Lex,
    text: Vec<u8>,
    /// The line the statement being read starts on (its first byte of code).
    start: Option<usize>,
    digest: Sha256,
    bytes: u64,
    finished: bool,
}

impl<R: BufRead> Statements<R> {
    pub fn new(reader: R) -> Statements<R> {
        Statements {
            reader,
            line: 1,
            lex: Lex::Code,
            text: Vec::new(),
            start: None,
            digest: Sha256::new(),
            bytes: 0,
            finished: false,
        }
    }

    /// The SHA-256 of every byte read so far, in hex.
    pub fn digest(&self) -> String {
        hex::encode(self.digest.clone().finalize())
    }

    /// Bytes read so far (for a progress bar).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Feeds one byte; `true` when it ended a statement.
    fn feed(&mut self, b: u8) -> bool {
        if b == b'\n' {
            self.line += 1;
        }
        let code = |s: &mut Self, b: u8| {
            if s.start.is_none() && !b.is_ascii_whitespace() {
                s.start = Some(s.line);
            }
            s.text.push(b);
        };
        match self.lex {
            Lex::Code => match b {
                b';' => return true,
                b'\'' | b'"' => {
                    code(self, b);
                    self.lex = Lex::Quoted(b, false);
                }
                b'`' => {
                    code(self, b);
                    self.lex = Lex::Backtick;
                }
                b'-' => self.lex = Lex::Dash,
                b'/' => self.lex = Lex::Slash,
                b'#' => self.lex = Lex::LineComment,
                _ => code(self, b),
            },
            Lex::Quoted(q, escaped) => {
                self.text.push(b);
                self.lex = if escaped {
                    Lex::Quoted(q, false)
                } else if b == b'\\' {
                    Lex::Quoted(q, true)
                } else if b == q {
                    Lex::QuoteSeen(q)
                } else {
                    Lex::Quoted(q, false)
                };
            }
            Lex::QuoteSeen(q) => {
                if b == q {
                    self.text.push(b);
                    self.lex = Lex::Quoted(q, false);
                } else {
                    self.lex = Lex::Code;
                    return self.feed_again(b);
                }
            }
            Lex::Backtick => {
                self.text.push(b);
                if b == b'`' {
                    self.lex = Lex::Code;
                }
            }
            Lex::Dash => {
                if b == b'-' {
                    self.lex = Lex::LineComment;
                } else {
                    self.lex = Lex::Code;
                    code(self, b'-');
                    return self.feed_again(b);
                }
            }
            Lex::Slash => {
                if b == b'*' {
                    self.lex = Lex::BlockComment(false);
                } else {
                    self.lex = Lex::Code;
                    code(self, b'/');
                    return self.feed_again(b);
                }
            }
            Lex::LineComment => {
                if b == b'\n' {
                    self.lex = Lex::Code;
                    self.text.push(b' ');
                }
            }
            Lex::BlockComment(star) => {
                self.lex = if star && b == b'/' {
                    self.text.push(b' ');
                    Lex::Code
                } else {
                    Lex::BlockComment(b == b'*')
                };
            }
        }
        false
    }

    /// A byte read again in the code state after a lookahead (its newline already counted).
    fn feed_again(&mut self, b: u8) -> bool {
        if b == b'\n' {
            self.line -= 1;
        }
        self.feed(b)
    }

    /// The next statement's text and first line, or `None` at the end of the dump.
    fn next_text(&mut self) -> Result<Option<(usize, String)>, DumpError> {
        loop {
            if self.finished {
                return Ok(None);
            }
            let (ended, used) = {
                let chunk = self
                    .reader
                    .fill_buf()
                    .map_err(|e| DumpError::Io(e.to_string()))?;
                if chunk.is_empty() {
                    self.finished = true;
                    let rest = String::from_utf8_lossy(&self.text).trim().to_owned();
                    let inside = !matches!(self.lex, Lex::Code | Lex::LineComment | Lex::Dash);
                    if !rest.is_empty() || inside {
                        return Err(DumpError::Truncated(self.start.unwrap_or(self.line)));
                    }
                    return Ok(None);
                }
                let chunk = chunk.to_vec();
                let mut ended = false;
                let mut used = 0;
                for &b in &chunk {
                    used += 1;
                    if self.feed(b) {
                        ended = true;
                        break;
                    }
                }
                self.digest.update(&chunk[..used]);
                (ended, used)
            };
            self.reader.consume(used);
            self.bytes += used as u64;
            if ended {
                let text = String::from_utf8_lossy(&std::mem::take(&mut self.text)).into_owned();
                let line = self.start.take().unwrap_or(self.line);
                if !text.trim().is_empty() {
                    return Ok(Some((line, text)));
                }
            }
        }
    }

    /// The next `CREATE TABLE` or `INSERT` (the others — `DROP`, `LOCK`, `SET` — skipped).
    pub fn next_statement(&mut self) -> Result<Option<Statement>, DumpError> {
        while let Some((line, text)) = self.next_text()? {
            let head: String = text
                .trim_start()
                .chars()
                .take(12)
                .collect::<String>()
                .to_ascii_uppercase();
            if head.starts_with("INSERT") || head.starts_with("CREATE TABLE") {
                return parse(line, &text).map(Some);
            }
        }
        Ok(None)
    }
}

fn name_of(object: &sqlparser::ast::ObjectName) -> String {
    object
        .0
        .last()
        .and_then(|part| part.as_ident())
        .map(|ident| ident.value.clone())
        .unwrap_or_default()
}

fn parse(line: usize, text: &str) -> Result<Statement, DumpError> {
    let mut statements = Parser::parse_sql(&MySqlDialect {}, text)
        .map_err(|e| DumpError::Syntax(line, e.to_string()))?;
    // The lexer hands over only statements with code in them.
    let Some(statement) = statements.pop() else {
        return Err(DumpError::NoValues(line));
    };
    match statement {
        Ast::CreateTable(create) => Ok(Statement::Create {
            line,
            table: name_of(&create.name),
            columns: create
                .columns
                .iter()
                .map(|c| c.name.value.clone())
                .collect(),
        }),
        Ast::Insert(insert) => {
            let table = match &insert.table {
                TableObject::TableName(name) => name_of(name),
                other => return Err(DumpError::Syntax(line, other.to_string())),
            };
            let columns = insert.columns.iter().map(name_of).collect();
            let Some(source) = insert.source else {
                return Err(DumpError::NoValues(line));
            };
            let SetExpr::Values(values) = *source.body else {
                return Err(DumpError::NoValues(line));
            };
            let rows = values
                .rows
                .into_iter()
                .map(|row| {
                    row.content
                        .into_iter()
                        .map(|expr| cell(line, expr))
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Statement::Insert {
                line,
                table,
                columns,
                rows,
            })
        }
        other => Err(DumpError::Syntax(line, other.to_string())),
    }
}

fn cell(line: usize, expr: Expr) -> Result<Cell, DumpError> {
    match expr {
        Expr::Value(v) => Ok(match v.value {
            Value::Null => Cell::Null,
            Value::Number(n, _) => Cell::Number(n.to_string()),
            Value::Boolean(b) => Cell::Number(if b { "1" } else { "0" }.into()),
            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => Cell::Text(s),
            other => return Err(DumpError::Value(line, other.to_string())),
        }),
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => match cell(line, *expr)? {
            Cell::Number(n) => Ok(Cell::Number(format!("-{n}"))),
            other => Err(DumpError::Value(line, format!("-{other:?}"))),
        },
        other => Err(DumpError::Value(line, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<Statement>, DumpError> {
        let mut reader = Statements::new(std::io::BufReader::with_capacity(7, text.as_bytes()));
        let mut out = Vec::new();
        while let Some(s) = reader.next_statement()? {
            out.push(s);
        }
        Ok(out)
    }

    #[test]
    fn statements_end_at_semicolons_outside_strings_and_comments() {
        let dump = "-- MySQL dump\n/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `t`;\n\
            CREATE TABLE `t` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `nom` text CHARACTER SET utf8 NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\
            LOCK TABLES `t` WRITE;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;\n\
            INSERT INTO `t` VALUES (1,'l\\'été; -- pas un commentaire'),(2,'a''b'),(3,NULL),(-4,'x/*y*/');\n\
            UNLOCK TABLES;\n";
        let got = all(dump).expect("dump");
        assert_eq!(
            got,
            vec![
                Statement::Create {
                    line: 4,
                    table: "t".into(),
                    columns: vec!["id".into(), "nom".into()]
                },
                Statement::Insert {
                    line: 11,
                    table: "t".into(),
                    columns: vec![],
                    rows: vec![
                        vec![
                            Cell::Number("1".into()),
                            Cell::Text("l'été; -- pas un commentaire".into())
                        ],
                        vec![Cell::Number("2".into()), Cell::Text("a'b".into())],
                        vec![Cell::Number("3".into()), Cell::Null],
                        vec![Cell::Number("-4".into()), Cell::Text("x/*y*/".into())],
                    ]
                },
            ]
        );
    }

    #[test]
    fn a_dump_cut_inside_an_insert_names_its_line() {
        let dump = "CREATE TABLE `t` (`id` int);\n\nINSERT INTO `t` VALUES (1),\n(2,'abc";
        assert_eq!(all(dump), Err(DumpError::Truncated(3)));
        let cut_between = "INSERT INTO `t` VALUES (1),(2)";
        assert_eq!(all(cut_between), Err(DumpError::Truncated(1)));
    }
}
