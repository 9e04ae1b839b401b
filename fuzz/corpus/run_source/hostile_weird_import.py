import sys
sys.modules['x'] = 1
import x
__import__('nonexistent')
