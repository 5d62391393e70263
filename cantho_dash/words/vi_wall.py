"""The Vietnamese words of the briefing wall and the needs-direction block (merged into vi.py's table)."""

VI_WALL: dict[str, str] = {
    'briefing': 'Chế độ phòng họp',
    'briefing_help': 'Toàn màn hình, tự chuyển cảnh; mở bằng ?mode=briefing',
    'scene_overview': 'Tổng quan',
    'scene_league': 'Bảng xếp hạng xã, phường',
    'scene_map': 'Bản đồ xã, phường',
    'scene_direction': 'Cần chỉ đạo',
    'dir_behind': 'Chỉ tiêu chậm nhất so với lộ trình',
    'dir_overdue': 'Nhiệm vụ quá hạn',
    'dir_at_risk': 'Nhiệm vụ có nguy cơ chậm',
    'dir_late': 'Sở, ngành chậm báo cáo',
    'dir_none': 'Không có',
    'col_points_behind': 'Chậm (điểm)',
    'col_days_late': 'Trễ (ngày)',
    'col_elapsed': 'Thời gian đã qua',
    'dir_more': 'và {n} mục khác',
    'agencies_note': 'Không tính các đơn vị chủ trì chung ({names}), không một cơ quan nào chịu trách nhiệm riêng: {n} lượt chỉ tiêu chậm hoặc có nguy cơ.',
    'scene_tasks': 'Nhiệm vụ quá hạn',
    'briefing_exit': 'Thoát chế độ phòng họp',
    'briefing_title': 'Trung tâm điều hành · Chuyển đổi số Cần Thơ',
}
