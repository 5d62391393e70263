"""The English words of the briefing wall and the needs-direction block (merged into en.py's table)."""

EN_WALL: dict[str, str] = {
    'briefing': 'Briefing-room mode',
    'briefing_help': 'Full screen, rotating; open with ?mode=briefing',
    'scene_overview': 'Overview',
    'scene_league': 'Ward league',
    'scene_map': 'Ward map',
    'scene_direction': 'Needs direction',
    'dir_behind': 'Targets furthest behind their path',
    'dir_overdue': 'Overdue tasks',
    'dir_at_risk': 'Tasks at risk',
    'dir_late': 'Departments late in reporting',
    'dir_none': 'None',
    'col_points_behind': 'Behind (points)',
    'col_days_late': 'Late (days)',
    'col_elapsed': 'Time elapsed',
    'dir_more': 'and {n} more',
    'agencies_note': 'Collective leads left out ({names}), as no single agency answers for them: {n} off-track or at-risk targets.',
    'scene_tasks': 'Overdue tasks',
    'briefing_exit': 'Leave briefing mode',
    'briefing_title': 'Operations centre · Can Tho digital transformation',
}
