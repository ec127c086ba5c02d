"""Where the pop sits, how tall it is, and the kind of window it is.

The pop appears where the agent last dragged it (saved in ``ui.ini``), else
in the bottom corner at the reading end of the screen it is on, always
clamped inside that screen's available area, so a saved place on a monitor
that is gone, or a card taller than the screen, never puts it out of reach.
It is as tall as its content, up to the screen; beyond that the content
scrolls. The pop is frameless, so dragging it anywhere moves it; the new
place is saved when the agent lets go.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from screenpop.ui.settings import load_pop_pos, save_pop_pos

POP_WIDTH = 560
#: Gap kept between the pop and the screen's edge when it has no saved place.
#: In a burst of rings a pop at least this share of the screen's height keeps its size.
BURST_SHARE = 0.6
EDGE_MARGIN = 24
SCROLL_SLACK = 8


def _height(part: QWidget, width: int) -> int:
    """The height ``part`` wants at ``width``: wrapped text is as tall as it is at
    that width (a plain size hint guesses a narrower one and is too tall); a
    scroll area wants all of its content (its own hint stops at 24 lines of
    text, and an override of it would be Python that layouts call on every pass)."""
    extra = 0
    if isinstance(part, QScrollArea):
        inner = part.widget()
        if inner is not None:
            # A pixel short and a scroll bar appears, which narrows the text and
            # makes it taller still: a little room to spare.
            extra = 2 * part.frameWidth() + SCROLL_SLACK
            width -= extra
            part = inner
    if part.hasHeightForWidth():
        height = part.heightForWidth(width)
        if height > 0:
            return height + extra
    return part.sizeHint().height() + extra


class Placement:
    """Sizes and places one frameless window, and moves it when dragged."""

    def __init__(self, window: QWidget, width: int = POP_WIDTH, rtl: bool = False) -> None:
        self.window = window
        self.width = width
        self.rtl = rtl
        self.saved: QPoint | None = load_pop_pos()
        self._drag_offset: QPoint | None = None
        self._dragged = False
        window.setFixedWidth(width)

    def appearing(self) -> None:
        """The window is about to show: read the saved place once per appearance
        (not per repaint; the agent may have moved another screenpop's pop)."""
        self.saved = load_pop_pos()

    def fit(self, parts: Sequence[QWidget], *, burst: bool = False) -> None:
        """Be as tall as ``parts`` (those not hidden), up to the screen; then place.

        Summed by hand: the window's own layout caches its hint until the next
        event-loop pass, and the pop must be right before it paints.

        In a ``burst`` (callers wait in line) a shown window keeps its size
        once it has ``BURST_SHARE`` of the screen's height, and below that
        only grows: measuring every card, resizing and so painting the pop
        twice for each caller that comes forward cost the GUI thread 15-25 ms
        a caller (``benchmarks/burst.py --explain``), and the window jumped.
        A taller card scrolls; the next fit after the burst sizes it again.
        """
        area = self.screen_area()
        room = area.height() - 2 * EDGE_MARGIN
        shown = self.window.isVisible()
        if burst and shown and self.window.height() >= BURST_SHARE * room:
            self.place()
            return
        inside = self.width - 2  # the frame's border
        wanted = sum(_height(p, inside) for p in parts if not p.isHidden()) + 2
        if burst and shown:
            wanted = max(wanted, self.window.height())
        height = max(1, min(wanted, room))
        # Only when it changes: a resize sends events through every child, each
        # taking the GIL anew (~30 ms a resize while a burst of rings keeps the
        # core's threads busy: benchmarks/burst.py).
        if self.window.size() != QSize(self.width, height):
            self.window.resize(self.width, height)
        self.place()

    def screen_area(self) -> QRect:
        """The available area of the screen the window belongs on."""
        saved = self.saved
        screen = QGuiApplication.screenAt(saved) if saved is not None else None
        screen = screen or self.window.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def place(self) -> None:
        area = self.screen_area()
        window = self.window
        if self.saved is None:
            bottom = area.bottom() + 1 - window.height() - EDGE_MARGIN
            if self.rtl:  # the reading end of a right-to-left desk is its left
                target = QPoint(area.left() + EDGE_MARGIN, bottom)
            else:
                target = QPoint(area.right() + 1 - window.width() - EDGE_MARGIN, bottom)
        else:
            target = self.saved
        x = max(area.left(), min(target.x(), area.right() + 1 - window.width()))
        y = max(area.top(), min(target.y(), area.bottom() + 1 - window.height()))
        if window.pos() != QPoint(x, y):
            window.move(x, y)

    # -------------------------------------------------------------- dragging --

    def press(self, event: QMouseEvent) -> bool:
        """Start a drag; True when the event was ours."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self._drag_offset = event.globalPosition().toPoint() - self.window.pos()
        self._dragged = False
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._drag_offset is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        self.window.move(event.globalPosition().toPoint() - self._drag_offset)
        self._dragged = True
        return True

    def release(self, event: QMouseEvent) -> bool:
        """End a drag; a window that moved remembers its new place."""
        if self._drag_offset is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        self._drag_offset = None
        if self._dragged:
            save_pop_pos(self.window.pos())
            self.saved = self.window.pos()
        return True


#: A pop: a tool window (no taskbar entry), frameless, above other windows,
#: and not taking the keyboard focus when it appears.
FLOATING_FLAGS = (
    Qt.WindowType.Tool
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowStaysOnTopHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)


class FloatingWindow(QWidget):
    """A frameless, always-on-top window that takes no focus unless the agent asks
    (``accept_focus``), and that ``placement`` moves when dragged anywhere."""

    placement: Placement

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, FLOATING_FLAGS)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)

    def framed(self, name: str) -> QVBoxLayout:
        """The window's one child, a frame named ``name`` (the style sheet draws its
        border); returns the column the window's parts go in."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame = QFrame()
        frame.setObjectName(name)
        outer.addWidget(frame)
        column = QVBoxLayout(frame)
        column.setContentsMargins(1, 1, 1, 1)
        column.setSpacing(0)
        return column

    def accept_focus(self) -> None:
        """Let the window take focus: the agent clicked a field or pressed the shortcut."""
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
        self.activateWindow()

    def refuse_focus(self) -> None:
        handle = self.windowHandle()
        if handle is not None:
            handle.setFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.placement.press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.placement.move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.placement.release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)


def place_over(window: QWidget, anchor: QWidget) -> None:
    """Put ``window`` over the middle of ``anchor``, wholly on ``anchor``'s screen.

    The wrap-up belongs in front of the pop it wraps up, not wherever the
    window manager puts a new window (openbox put a tall one at the top-left
    corner with its title bar off the screen).
    """
    screen = anchor.screen().availableGeometry()
    window.adjustSize()
    size = window.frameGeometry().size().expandedTo(window.sizeHint())
    centre = anchor.frameGeometry().center()
    x = max(screen.left(), min(centre.x() - size.width() // 2, screen.right() - size.width()))
    y = max(screen.top(), min(centre.y() - size.height() // 2, screen.bottom() - size.height()))
    window.move(x, y)


def keep_on_screen(window: QWidget) -> None:
    """Move ``window`` back wholly onto its screen (after it grew past an edge)."""
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    x = max(screen.left(), min(frame.x(), screen.right() - frame.width()))
    y = max(screen.top(), min(frame.y(), screen.bottom() - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
