//! Keys as data: each screen lists its bindings once, and the same list drives both what
//! a key does and what the help bar shows.

use crate::i18n::Msg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Typed characters that no binding claims arrive as `Input`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    NextField,
    PrevField,
    Submit,
    Back,
    Toggle,
    Erase,
    Add,
    Edit,
    Enable,
    ResetPin,
    Logout,
    Quit,
    Input(char),
    // The till.
    Pay,
    Price,
    LineDiscount,
    TicketDiscount,
    Park,
    Resume,
    Reprint,
    Refund,
    XReport,
    ZClose,
    Drawer,
    Remove,
    ChangeAsVoucher,
    Yes,
    No,
    // Fees and donations.
    Membership,
    Donation,
    MemberCard,
    Search,
}

/// A key, the action it triggers, and the label shown in the help bar (`None` hides it,
/// e.g. the second arrow of a pair).
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
    pub label: Option<Msg>,
}

pub const fn bind(code: KeyCode, action: Action, label: Option<Msg>) -> Binding {
    Binding {
        code,
        modifiers: KeyModifiers::NONE,
        action,
        label,
    }
}

/// Quit is everywhere: Ctrl+Q, then a confirmation.
pub const QUIT: Binding = Binding {
    code: KeyCode::Char('q'),
    modifiers: KeyModifiers::CONTROL,
    action: Action::Quit,
    label: Some(Msg::KeyQuit),
};

/// Moving in a list.
pub const LIST: &[Binding] = &[
    bind(KeyCode::Up, Action::Up, Some(Msg::KeyMove)),
    bind(KeyCode::Down, Action::Down, None),
];

/// A form: fields, choices, flags, confirm, cancel.
pub const FORM: &[Binding] = &[
    bind(KeyCode::Tab, Action::NextField, Some(Msg::KeyNextField)),
    bind(KeyCode::Down, Action::NextField, None),
    bind(KeyCode::BackTab, Action::PrevField, None),
    bind(KeyCode::Up, Action::PrevField, None),
    bind(KeyCode::Left, Action::Left, Some(Msg::KeyChange)),
    bind(KeyCode::Right, Action::Right, None),
    bind(KeyCode::Char(' '), Action::Toggle, Some(Msg::KeyToggle)),
    bind(KeyCode::Backspace, Action::Erase, None),
    VALIDATE,
    bind(KeyCode::Esc, Action::Back, Some(Msg::KeyCancel)),
];

pub const VALIDATE: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyValidate));
pub const CHOOSE: Binding = bind(KeyCode::Enter, Action::Submit, Some(Msg::KeyChoose));
pub const BACK: Binding = bind(KeyCode::Esc, Action::Back, Some(Msg::KeyBack));
pub const ADD: Binding = bind(KeyCode::F(2), Action::Add, Some(Msg::KeyAdd));
pub const EDIT: Binding = bind(KeyCode::F(3), Action::Edit, Some(Msg::KeyEdit));
pub const ENABLE: Binding = bind(KeyCode::F(4), Action::Enable, Some(Msg::KeyEnable));
pub const RESET_PIN: Binding = bind(KeyCode::F(5), Action::ResetPin, Some(Msg::KeyResetPin));
pub const LOGOUT: Binding = bind(KeyCode::F(10), Action::Logout, Some(Msg::KeyLogout));
/// « Adhésion » at any till.
pub const MEMBERSHIP: Binding = Binding {
    code: KeyCode::Char('a'),
    modifiers: KeyModifiers::CONTROL,
    action: Action::Membership,
    label: Some(Msg::KeyMembership),
};
/// « Don » at any till.
pub const DONATION: Binding = Binding {
    code: KeyCode::Char('d'),
    modifiers: KeyModifiers::CONTROL,
    action: Action::Donation,
    label: Some(Msg::KeyDonation),
};
pub const ERASE: Binding = bind(KeyCode::Backspace, Action::Erase, None);

/// The action for `key` among `bindings`; an unclaimed printable character is `Input`.
pub fn action_for(bindings: &[Binding], key: KeyEvent) -> Option<Action> {
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    let claimed = bindings
        .iter()
        .find(|b| b.code == key.code && (b.modifiers == modifiers || b.code == KeyCode::BackTab));
    match (claimed, key.code) {
        (Some(binding), _) => Some(binding.action),
        (None, KeyCode::Char(c))
            if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// The text of a key in the help bar, in the process's language.
pub fn key_text(binding: &Binding) -> String {
    let base = match binding.code {
        KeyCode::Enter => Msg::KeyNameEnter.text().to_owned(),
        KeyCode::Esc => Msg::KeyNameEsc.text().to_owned(),
        KeyCode::Tab => Msg::KeyNameTab.text().to_owned(),
        KeyCode::Backspace => Msg::KeyNameErase.text().to_owned(),
        KeyCode::Char(' ') => Msg::KeyNameSpace.text().to_owned(),
        KeyCode::Up | KeyCode::Down => "↑↓".to_owned(),
        KeyCode::Left | KeyCode::Right => "←→".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Delete => Msg::KeyNameDelete.text().to_owned(),
        KeyCode::Char(c) => c.to_uppercase().to_string(),
        other => format!("{other:?}"),
    };
    if binding.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl+{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn bindings_win_over_input_and_control_is_not_typing() {
        let bindings = [ADD, QUIT, bind(KeyCode::Char(' '), Action::Toggle, None)];
        let cases = [
            (key(KeyCode::F(2), KeyModifiers::NONE), Some(Action::Add)),
            (
                key(KeyCode::Char('q'), KeyModifiers::CONTROL),
                Some(Action::Quit),
            ),
            (
                key(KeyCode::Char('q'), KeyModifiers::NONE),
                Some(Action::Input('q')),
            ),
            (
                key(KeyCode::Char('É'), KeyModifiers::SHIFT),
                Some(Action::Input('É')),
            ),
            (
                key(KeyCode::Char(' '), KeyModifiers::NONE),
                Some(Action::Toggle),
            ),
            (key(KeyCode::Char('x'), KeyModifiers::CONTROL), None),
            (key(KeyCode::F(9), KeyModifiers::NONE), None),
        ];
        for (event, expected) in cases {
            assert_eq!(action_for(&bindings, event), expected, "{event:?}");
        }
    }

    #[test]
    fn key_texts() {
        assert_eq!(key_text(&QUIT), "Ctrl+Q");
        assert_eq!(key_text(&ADD), "F2");
        assert_eq!(key_text(&BACK), "Échap");
        assert_eq!(key_text(&LIST[0]), "↑↓");
    }
}
